import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import {
  DeliveryChannelSchema,
  DeliveryStatusSchema,
  DeliveryViewSchema,
  InboxCountViewSchema,
  InboxItemViewSchema,
  InboxLanguageSchema,
  NotificationLanguageSchema,
  NotificationPreviewViewSchema,
  NotificationSettingsInputSchema,
  NotificationSettingsViewSchema,
  NotificationTemplateContentSchema,
  NotificationTemplateIdSchema,
  NotificationTemplateVersionViewSchema,
  NotificationTemplateViewSchema,
  NotificationTypeSchema,
  PreviewNotificationTemplateInputSchema,
} from './notification.dto';

const Id = z.string().uuid();

// --- console inbox (per caller: audience = district + roles from the token, read state per user) ---

export const ListInboxQryV1 = defineRequest({
  name: 'notifications.qry.inbox-item.list.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'The caller’s console messages (addressed to their roles in districts of their scope, or to them), newest first.',
  schema: listQuerySchema(['createdAt', 'type'] as const).extend({
    order: z.enum(['ASC', 'DESC']).default('DESC').describe('Sort direction'),
    unread: z.boolean().optional().describe('Only unread (true) or read (false) messages'),
    type: NotificationTypeSchema.optional().describe('Only this type'),
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    language: InboxLanguageSchema.optional(),
  }),
  reply: listReplySchema(InboxItemViewSchema),
});

export const CountInboxQryV1 = defineRequest({
  name: 'notifications.qry.inbox-item.count.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'Unread and total console messages of the caller (for the badge).',
  schema: z.object({}).strict(),
  reply: InboxCountViewSchema,
});

export const MarkInboxItemCmdV1 = defineRequest({
  name: 'notifications.cmd.inbox-item.mark.v1',
  kind: 'cmd',
  owner: 'notifications',
  description: 'Mark one of the caller’s messages read or unread (per user; others are not affected). NOT_FOUND when not the caller’s.',
  schema: z
    .object({ id: Id.describe('Message id'), read: z.boolean().describe('true: read, false: unread'), language: InboxLanguageSchema.optional() })
    .strict(),
  reply: InboxItemViewSchema,
});

export const MarkAllInboxReadCmdV1 = defineRequest({
  name: 'notifications.cmd.inbox-item.mark-all-read.v1',
  kind: 'cmd',
  owner: 'notifications',
  description: 'Mark every message of the caller read.',
  schema: z.object({}).strict(),
  reply: z.object({ marked: z.number().int().min(0).describe('Messages newly marked read') }),
});

// --- delivery log (organisers in scope) ---

export const DELIVERY_SORT_FIELDS = ['createdAt', 'updatedAt', 'status', 'channel', 'type'] as const;

export const ListDeliveriesQryV1 = defineRequest({
  name: 'notifications.qry.delivery.list.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'The delivery log in the actor’s district scope, newest first by default; filters combine with AND.',
  schema: listQuerySchema(DELIVERY_SORT_FIELDS).extend({
    order: z.enum(['ASC', 'DESC']).default('DESC').describe('Sort direction'),
    status: DeliveryStatusSchema.optional().describe('Only this status'),
    channel: DeliveryChannelSchema.optional().describe('Only this channel'),
    type: NotificationTypeSchema.optional().describe('Only this type'),
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    meetingId: Id.optional().describe('Only about this meeting'),
    recipientId: z.string().min(1).max(200).optional().describe('Only to this contact id or audience key'),
    languageFallback: z.boolean().optional().describe('Only deliveries whose template fell back to another language'),
    from: z.iso.datetime({ offset: true }).optional().describe('Created at or after (ISO 8601)'),
    to: z.iso.datetime({ offset: true }).optional().describe('Created before (ISO 8601, exclusive)'),
  }),
  reply: listReplySchema(DeliveryViewSchema),
});

export const GetDeliveryQryV1 = defineRequest({
  name: 'notifications.qry.delivery.get.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'One delivery; NOT_FOUND when unknown or outside the actor scope.',
  schema: z.object({ id: Id.describe('Delivery id') }).strict(),
  reply: DeliveryViewSchema,
});

export const ResendDeliveryCmdV1 = defineRequest({
  name: 'notifications.cmd.delivery.resend.v1',
  kind: 'cmd',
  owner: 'notifications',
  description:
    'Send a delivery again as a new queued delivery (resendOf = the original), to the recipient’s current address, language and consent. ' +
    'Console messages cannot be resent (CONFLICT).',
  schema: z.object({ id: Id.describe('Delivery to resend') }).strict(),
  reply: DeliveryViewSchema,
});

// --- templates (national coordinator) ---

export const ListNotificationTemplatesQryV1 = defineRequest({
  name: 'notifications.qry.template.list.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'Current version of every notification template (one per type and language that has one).',
  schema: listQuerySchema(['id', 'type', 'language', 'updatedAt'] as const).extend({
    type: NotificationTypeSchema.optional().describe('Only this type'),
    language: NotificationLanguageSchema.optional().describe('Only this language'),
  }),
  reply: listReplySchema(NotificationTemplateViewSchema),
});

export const GetNotificationTemplateQryV1 = defineRequest({
  name: 'notifications.qry.template.get.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'Current version of one template; NOT_FOUND when that type has no template in that language yet.',
  schema: z.object({ id: NotificationTemplateIdSchema }).strict(),
  reply: NotificationTemplateViewSchema,
});

export const ListNotificationTemplateVersionsQryV1 = defineRequest({
  name: 'notifications.qry.template.versions.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'Every version of one template, newest first.',
  schema: z.object({ id: NotificationTemplateIdSchema }).strict(),
  reply: z.array(NotificationTemplateVersionViewSchema),
});

export const AddNotificationTemplateVersionCmdV1 = defineRequest({
  name: 'notifications.cmd.template.add-version.v1',
  kind: 'cmd',
  owner: 'notifications',
  description: 'Write a new version of a template (version 1 for a new language). Mustache syntax is checked (VALIDATION_FAILED).',
  schema: z.object({ id: NotificationTemplateIdSchema, content: NotificationTemplateContentSchema }).strict(),
  reply: NotificationTemplateViewSchema,
});

export const PreviewNotificationTemplateQryV1 = defineRequest({
  name: 'notifications.qry.template.preview.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'Render a template (a draft over the current version) with sample data; writes nothing.',
  schema: z.object({ id: NotificationTemplateIdSchema, draft: PreviewNotificationTemplateInputSchema }).strict(),
  reply: NotificationPreviewViewSchema,
});

// --- per-district settings ---

export const GetNotificationSettingsQryV1 = defineRequest({
  name: 'notifications.qry.settings.get.v1',
  kind: 'qry',
  owner: 'notifications',
  description: 'Reminder settings of a district in scope (the defaults until changed); NOT_FOUND outside scope.',
  schema: z.object({ districtCode: GeoCodeSchema }).strict(),
  reply: NotificationSettingsViewSchema,
});

export const UpdateNotificationSettingsCmdV1 = defineRequest({
  name: 'notifications.cmd.settings.update.v1',
  kind: 'cmd',
  owner: 'notifications',
  description: 'Change the reminder settings of a district in scope; pending reminders of scheduled meetings are re-planned.',
  schema: z.object({ districtCode: GeoCodeSchema, settings: NotificationSettingsInputSchema }).strict(),
  reply: NotificationSettingsViewSchema,
});
