import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { MeetingStatusSchema, QuarterSchema } from './meeting.dto';

export const MeetingCancelledEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.cancelled.v1',
  owner: 'meetings',
  description: 'A meeting was cancelled (invitees are to be told). Ids and codes only; the reason stays in the service.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for'),
      districtCode: GeoCodeSchema.describe('District the meeting is held in'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      quarter: QuarterSchema.describe('Calendar quarter the meeting counts for'),
      from: MeetingStatusSchema.describe('Status before the cancellation'),
      scheduledFor: z.string().datetime().describe('The start that will not happen (UTC)'),
      inviteeContactIds: z.array(z.string().uuid()).max(200).describe('Invited contacts to notify'),
      inviteeOrganisationIds: z.array(z.string().uuid()).max(100).describe('Invited organisations to notify'),
      occurredAt: z.string().datetime().describe('When it was cancelled (UTC)'),
    })
    .strict(),
});
