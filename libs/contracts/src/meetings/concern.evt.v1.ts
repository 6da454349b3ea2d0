import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SensitivitySchema } from '../common/sensitivity';
import { defineEvent } from '../message';
import { ConcernTopicSchema } from './concern.dto';

// Concern events carry ids, topic, sensitivity and counts only: never text, answers, raisers or handlers.
const where = {
  meetingId: z.string().uuid().describe('Meeting the concern was raised at'),
  districtCode: GeoCodeSchema.describe('District of the meeting'),
  regionCode: GeoCodeSchema.describe('Region of the meeting'),
};

export const ConcernRecordedEvtV1 = defineEvent({
  name: 'meetings.evt.concern.recorded.v1',
  owner: 'meetings',
  description: 'A concern was recorded at a meeting. Ids, topic and sensitivity only; never its text.',
  schema: z
    .object({
      concernId: z.string().uuid().describe('Concern id'),
      ...where,
      topic: ConcernTopicSchema,
      sensitivity: SensitivitySchema,
      followUpNeeded: z.boolean().describe('Whether follow-up is needed'),
      occurredAt: z.string().datetime().describe('When it was recorded (UTC)'),
    })
    .strict(),
});

export const ConcernSensitivityChangedEvtV1 = defineEvent({
  name: 'meetings.evt.concern.sensitivity-changed.v1',
  owner: 'meetings',
  description: 'A concern moved to another sensitivity. Ids, topic and both sensitivities only.',
  schema: z
    .object({
      concernId: z.string().uuid().describe('Concern id'),
      ...where,
      topic: ConcernTopicSchema,
      from: SensitivitySchema.describe('Sensitivity before'),
      to: SensitivitySchema.describe('Sensitivity now'),
      occurredAt: z.string().datetime().describe('When it changed (UTC)'),
    })
    .strict(),
});
