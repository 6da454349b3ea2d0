import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { MeetingKindSchema, OrganisedBySchema, QuarterSchema } from './meeting.dto';

export const MeetingHeldEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.held.v1',
  owner: 'meetings',
  description: 'A reporting day took place: counts towards quarterly compliance and the hand-over measure.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for'),
      districtCode: GeoCodeSchema.describe('District the meeting is held in'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      quarter: QuarterSchema.describe('Calendar quarter the meeting counts for'),
      kind: MeetingKindSchema,
      organisedBy: OrganisedBySchema,
      heldAt: z.string().datetime().describe('When it was held (UTC): the real start the recorder gave, else when it was recorded'),
      startsAt: z.string().datetime().optional().describe('Planned start of the meeting (UTC)'),
      timeZone: z.string().min(3).max(64).optional().describe('IANA time zone of the district: decides whether it was held within its quarter'),
      recordedAfterwards: z.boolean().optional().describe('True for a reporting day recorded afterwards (programme history, ADR 35): nothing to announce or chase'),
    })
    .strict(),
});
