import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';

export const MeetingScheduledEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.scheduled.v1',
  owner: 'meetings',
  description: 'A reporting day was scheduled for one or more communities. Ids, codes and times only; no personal data.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for'),
      districtCode: GeoCodeSchema.describe('District the meeting is held in'),
      scheduledFor: z.string().datetime().describe('Start time (UTC)'),
      quarter: z
        .string()
        .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like "2026-Q4"')
        .describe('Calendar quarter the meeting counts for'),
      regionCode: GeoCodeSchema.optional().describe('Region of the district'),
      timeZone: z.string().min(3).max(64).optional().describe('IANA time zone of the district'),
      occurredAt: z.string().datetime().optional().describe('When it was scheduled (UTC)'),
      recordedAfterwards: z.boolean().optional().describe('True for a reporting day recorded afterwards (programme history, ADR 35): nothing to announce or chase'),
    })
    .strict(),
});
