import { COMMUNITY_KINDS, COMMUNITY_STATUSES, LANGUAGES } from '@rd/contracts';

// Choice names are message keys; react-admin inputs and SelectField translate them.
export const kindChoices = COMMUNITY_KINDS.map((id) => ({ id, name: `resources.communities.kinds.${id}` }));
export const statusChoices = COMMUNITY_STATUSES.map((id) => ({ id, name: `resources.communities.statuses.${id}` }));
export const languageChoices = LANGUAGES.map((id) => ({ id, name: `app.languages.${id}` }));
