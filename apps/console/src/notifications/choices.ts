import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_LANGUAGES, NOTIFICATION_TYPES, SKIP_REASONS } from '@rd/contracts';

// Choices for filters and fields; the labels are i18n keys under notifications.*.
export const typeChoices = NOTIFICATION_TYPES.map((id) => ({ id, name: `notifications.types.${id}` }));
export const channelChoices = DELIVERY_CHANNELS.map((id) => ({ id, name: `notifications.channels.${id}` }));
export const statusChoices = DELIVERY_STATUSES.map((id) => ({ id, name: `notifications.statuses.${id}` }));
export const skipReasonChoices = SKIP_REASONS.map((id) => ({ id, name: `notifications.skipReasons.${id}` }));
export const languageChoices = NOTIFICATION_LANGUAGES.map((id) => ({ id, name: `app.languages.${id}` }));
