import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { CONTACT_LANGUAGES } from '../communities/contact.dto';

/**
 * What a message is about. One template per type and language; each trigger of docs/adr/0015-notifications.md
 * produces one type (meeting.updated two: the update to the invitees, `meeting-uninvited` to those taken off the list).
 */
export const NOTIFICATION_TYPES = [
  'meeting-invitation',
  'meeting-updated',
  'meeting-rescheduled',
  'meeting-cancelled',
  'meeting-uninvited',
  'meeting-reminder',
  'minutes-overdue',
  'minutes-distributed',
  'action-assigned',
  'action-overdue',
  'quarter-warning',
  'community-activated',
  'officer-assigned',
] as const;
export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES).describe('What the message is about (one template per type and language)');
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

export const NOTIFICATION_LANGUAGES = CONTACT_LANGUAGES;
export const NotificationLanguageSchema = z.enum(NOTIFICATION_LANGUAGES).describe('Language: en, ru, tg or ky');
export type NotificationLanguage = z.infer<typeof NotificationLanguageSchema>;

export const DELIVERY_CHANNELS = ['email', 'sms', 'console'] as const;
export const DeliveryChannelSchema = z.enum(DELIVERY_CHANNELS).describe('How the message travels');
export type DeliveryChannel = z.infer<typeof DeliveryChannelSchema>;

/** queued → sent → delivered, or failed (after retries, or at once when permanent), or skipped (recorded, never sent). */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'skipped'] as const;
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES).describe('Where a delivery stands');
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const SKIP_REASONS = ['no-consent', 'no-address', 'erased', 'no-console-account', 'not-applicable'] as const;
export const SkipReasonSchema = z.enum(SKIP_REASONS).describe('Why a delivery was skipped');
export type SkipReason = z.infer<typeof SkipReasonSchema>;

const Id = z.string().uuid();

/** One row of the delivery log: one message to one recipient on one channel. */
export const DeliveryViewSchema = z.object({
  id: Id.describe('Delivery id'),
  type: NotificationTypeSchema,
  channel: DeliveryChannelSchema,
  status: DeliveryStatusSchema,
  recipientKind: z.enum(['contact', 'audience']).describe('contact: a person of communities; audience: console users by district and role'),
  recipientId: z.string().describe('Contact id, or the audience key (e.g. "isfara:ngo-admin,police-officer")'),
  recipientName: z.string().nullable().describe('Contact name at send time (blank once erased)'),
  address: z.string().nullable().describe('Email address or phone it went to; null for console messages and once erased'),
  requestedLanguage: NotificationLanguageSchema.describe('Language the recipient prefers'),
  language: NotificationLanguageSchema.nullable().describe('Language of the template used (null until rendered)'),
  languageFallback: z.boolean().describe('True when the template used is not in the requested language (ru, then en)'),
  templateVersion: z.number().int().nullable().describe('Version of the template used'),
  skipReason: SkipReasonSchema.nullable(),
  attempts: z.number().int().min(0).describe('Send attempts so far'),
  lastError: z.string().nullable().describe('Provider error of the last failed attempt'),
  nextAttemptAt: z.string().nullable().describe('When the next retry is due (queued only)'),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  meetingId: Id.nullable().describe('Meeting it is about, if any'),
  subjectId: z.string().describe('What it is about: meeting, action, community or assignment id, or district:quarter'),
  resendOf: Id.nullable().describe('The delivery this one re-sends'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;

/**
 * The language a console message is shown in: the console's locale. Messages are rendered in every language when
 * written (tg and ky fall back to ru, then en, per template); messages stored before that have their one text.
 */
export const InboxLanguageSchema = NotificationLanguageSchema.describe(
  'Language to show messages in: en, ru, tg or ky (default ru); where a template lacks it, ru, then en',
);

/** A console message as one user sees it. */
export const InboxItemViewSchema = z.object({
  id: Id.describe('Message id'),
  type: NotificationTypeSchema,
  title: z.string().describe('Rendered subject'),
  body: z.string().describe('Rendered text'),
  link: z.string().nullable().describe('Console path to open, e.g. /meetings/<id>/show'),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  language: NotificationLanguageSchema.describe('Language of the template it was rendered with (the one asked for, else ru, else en)'),
  read: z.boolean().describe('Read by the caller'),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InboxItemView = z.infer<typeof InboxItemViewSchema>;

export const InboxCountViewSchema = z.object({
  unread: z.number().int().min(0).describe('Unread messages of the caller'),
  total: z.number().int().min(0).describe('All messages of the caller'),
});
export type InboxCountView = z.infer<typeof InboxCountViewSchema>;

/** `<type>.<language>`, e.g. `meeting-invitation.ru`. */
export const NotificationTemplateIdSchema = z
  .string()
  .regex(new RegExp(`^(${NOTIFICATION_TYPES.join('|')})\\.(${NOTIFICATION_LANGUAGES.join('|')})$`), 'must be "<type>.<language>", e.g. "meeting-invitation.ru"')
  .describe('Template id: <type>.<language>');

/** The fields of one template version; all are mustache templates. */
export const NotificationTemplateContentSchema = z
  .object({
    subject: z.string().trim().min(1).max(300).describe('Email subject and console title'),
    text: z.string().trim().min(1).max(10_000).describe('Plain text body (email text part and console body)'),
    html: z.string().trim().max(50_000).nullable().default(null).describe('HTML body of the email; null: the text, escaped'),
    sms: z.string().trim().min(1).max(480).describe('SMS text (keep it short: up to three segments)'),
  })
  .strict();
export type NotificationTemplateContent = z.infer<typeof NotificationTemplateContentSchema>;

export const NotificationTemplateViewSchema = z.object({
  id: NotificationTemplateIdSchema,
  type: NotificationTypeSchema,
  language: NotificationLanguageSchema,
  version: z.number().int().min(1).describe('Current (latest) version'),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  sms: z.string(),
  variables: z.array(z.string()).describe('Placeholders this type offers, e.g. meeting.title'),
  createdBy: z.string().describe('Username who wrote this version ("system" for the seeded ones)'),
  updatedAt: z.string().describe('When the current version was written'),
});
export type NotificationTemplateView = z.infer<typeof NotificationTemplateViewSchema>;

export const NotificationTemplateVersionViewSchema = z.object({
  id: NotificationTemplateIdSchema,
  version: z.number().int().min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  sms: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type NotificationTemplateVersionView = z.infer<typeof NotificationTemplateVersionViewSchema>;

/** Body of POST /notifications/templates/{id}/preview: a draft to render; omitted fields come from the current version. */
export const PreviewNotificationTemplateInputSchema = z
  .object({
    subject: z.string().max(300).optional(),
    text: z.string().max(10_000).optional(),
    html: z.string().max(50_000).nullable().optional(),
    sms: z.string().max(480).optional(),
  })
  .strict();
export type PreviewNotificationTemplateInput = z.infer<typeof PreviewNotificationTemplateInputSchema>;

export const NotificationPreviewViewSchema = z.object({
  id: NotificationTemplateIdSchema,
  subject: z.string().describe('Rendered subject'),
  text: z.string().describe('Rendered text'),
  html: z.string().describe('Rendered HTML (the escaped text when the template has none)'),
  sms: z.string().describe('Rendered SMS'),
  smsSegments: z.number().int().min(1).describe('SMS segments it would take'),
  sample: z.record(z.string(), z.unknown()).describe('The sample data it was rendered with'),
});
export type NotificationPreviewView = z.infer<typeof NotificationPreviewViewSchema>;

const Days = (what: string, max: number) => z.array(z.number().int().min(1).max(max)).max(5).describe(what);

/** Body of PUT /notifications/settings/{districtCode}. */
export const NotificationSettingsInputSchema = z
  .object({
    reminderDaysBefore: Days('Days before a meeting to remind invitees (default [7, 1]); [] for none', 60),
    minutesChaseDaysAfter: Days('Days after a held meeting without approved minutes to remind organisers (default [3, 7])', 60),
    quarterWarningDays: z.number().int().min(1).max(80).describe('Days before quarter end to warn about communities with no reporting day (default 21)'),
  })
  .strict();
export type NotificationSettingsInput = z.infer<typeof NotificationSettingsInputSchema>;

export const NotificationSettingsViewSchema = z.object({
  id: GeoCodeSchema.describe('The district code (react-admin id)'),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  timeZone: z.string().describe('IANA time zone reminders are computed in'),
  reminderDaysBefore: z.array(z.number().int()),
  minutesChaseDaysAfter: z.array(z.number().int()),
  quarterWarningDays: z.number().int(),
  isDefault: z.boolean().describe('True while the district has not changed the defaults'),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type NotificationSettingsView = z.infer<typeof NotificationSettingsViewSchema>;
