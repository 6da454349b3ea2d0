import { CONTACT_CHANNELS, CONTACT_LANGUAGES } from '@rd/contracts';

export const channelChoices = CONTACT_CHANNELS.map((id) => ({ id, name: `resources.contacts.channels.${id}` }));
export const contactLanguageChoices = CONTACT_LANGUAGES.map((id) => ({ id, name: `app.languages.${id}` }));
