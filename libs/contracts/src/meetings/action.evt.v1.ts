import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SensitivitySchema } from '../common/sensitivity';
import { defineEvent } from '../message';
import { ActionStatusSchema } from './action.dto';
import { ConcernTopicSchema } from './concern.dto';

// Ids, topic, sensitivity, dates and counts only: no notes, reasons or concern text.
const about = {
  actionId: z.string().uuid().describe('Action id'),
  concernId: z.string().uuid().describe('Concern it follows up'),
  meetingId: z.string().uuid().describe('Meeting the concern was raised at'),
  districtCode: GeoCodeSchema.describe('District of the meeting'),
  regionCode: GeoCodeSchema.describe('Region of the meeting'),
  topic: ConcernTopicSchema,
  sensitivity: SensitivitySchema,
};

export const ActionAssignedEvtV1 = defineEvent({
  name: 'meetings.evt.action.assigned.v1',
  owner: 'meetings',
  description: 'A follow-up action was assigned to an organisation. Ids, topic, sensitivity and the due date only.',
  schema: z
    .object({
      ...about,
      ownerOrganisationId: z.string().uuid().describe('Organisation that owns it'),
      dueDate: z.iso.date().describe('When it is due'),
      occurredAt: z.string().datetime().describe('When it was assigned (UTC)'),
    })
    .strict(),
});

export const ActionStatusChangedEvtV1 = defineEvent({
  name: 'meetings.evt.action.status-changed.v1',
  owner: 'meetings',
  description: 'A follow-up action changed status. Ids, statuses and the concern’s open-action count only; never notes.',
  schema: z
    .object({
      ...about,
      from: ActionStatusSchema.describe('Status before'),
      to: ActionStatusSchema.describe('Status now'),
      openActionCount: z.number().int().min(0).describe('Actions of the concern still open or in progress'),
      concernResolved: z.boolean().describe('Whether the concern is resolved now'),
      occurredAt: z.string().datetime().describe('When it changed (UTC)'),
    })
    .strict(),
});
