import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineRequest } from '../message';
import { CreateMeetingInputSchema, MeetingViewSchema, TimeZoneSchema } from './meeting.dto';

/** Where the meeting sits, looked up by the gateway from communities (the owner of geography). */
export const MeetingPlaceSchema = z
  .object({
    regionCode: GeoCodeSchema.describe('Region of the district'),
    timeZone: TimeZoneSchema.describe('IANA time zone of the district'),
  })
  .strict();
export type MeetingPlace = z.infer<typeof MeetingPlaceSchema>;

export const CreateMeetingCmdV1 = defineRequest({
  name: 'meetings.cmd.meeting.create.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Create a draft meeting. FORBIDDEN when the district is outside the actor scope.',
  schema: z.object({ input: CreateMeetingInputSchema, place: MeetingPlaceSchema }).strict(),
  reply: MeetingViewSchema,
});
