import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { QuarterSchema } from './meeting.dto';

export const MeetingRescheduledEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.rescheduled.v1',
  owner: 'meetings',
  description: 'A meeting was postponed to a new date (invitees are to be told). Ids, codes and times only; the reason stays in the service.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for'),
      districtCode: GeoCodeSchema.describe('District the meeting is held in'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      quarter: QuarterSchema.describe('Calendar quarter the meeting counts for'),
      previousStartsAt: z.string().datetime().describe('Start before (UTC)'),
      scheduledFor: z.string().datetime().describe('New start (UTC)'),
      inviteeContactIds: z.array(z.string().uuid()).max(200).describe('Invited contacts to notify'),
      inviteeOrganisationIds: z.array(z.string().uuid()).max(100).describe('Invited organisations to notify'),
      occurredAt: z.string().datetime().describe('When it was postponed (UTC)'),
    })
    .strict(),
});
