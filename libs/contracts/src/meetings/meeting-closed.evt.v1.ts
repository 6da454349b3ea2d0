import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { MeetingKindSchema, OrganisedBySchema, QuarterSchema } from './meeting.dto';

export const MeetingClosedEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.closed.v1',
  owner: 'meetings',
  description: 'A held meeting was closed: its record is complete.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for'),
      districtCode: GeoCodeSchema.describe('District the meeting is held in'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      quarter: QuarterSchema.describe('Calendar quarter the meeting counts for'),
      kind: MeetingKindSchema,
      organisedBy: OrganisedBySchema,
      closedAt: z.string().datetime().describe('When it was closed (UTC)'),
      recordedAfterwards: z.boolean().optional().describe('True for a reporting day recorded afterwards (programme history, ADR 35): nothing to announce or chase'),
    })
    .strict(),
});
