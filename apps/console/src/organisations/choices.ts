import { ORGANISATION_KINDS } from '@rd/contracts';

export const organisationKindChoices = ORGANISATION_KINDS.map((id) => ({ id, name: `resources.organisations.kinds.${id}` }));
