import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineRequest } from '../message';
import { CreateMeetingInputSchema, MeetingViewSchema, TimeZoneSchema } from './meeting.dto';

/** Where the meeting sits: region and time zone of its district, looked up by the meetings service in communities. */
export const MeetingPlaceSchema = z
  .object({
    regionCode: GeoCodeSchema.describe('Region of the district'),
    timeZone: TimeZoneSchema.describe('IANA time zone of the district'),
  })
  .strict();
export type MeetingPlace = z.infer<typeof MeetingPlaceSchema>;

/**
 * The district/region rule for what a meeting (always of one district) refers to: a record of that district, or a
 * region-level record (no district) of its region — the rule communities applies between its own records
 * (docs/adr/0006-community-onboarding-and-contacts.md). Notifications send a meeting's invitations, chases, minutes
 * and action alerts to the contacts of what it refers to, so a reference across districts would route them there.
 */
export function fitsMeetingPlace(row: { districtCode: string | null; regionCode: string }, place: { districtCode: string; regionCode: string }): boolean {
  return row.regionCode === place.regionCode && (row.districtCode === place.districtCode || row.districtCode === null);
}

export const CreateMeetingCmdV1 = defineRequest({
  name: 'meetings.cmd.meeting.create.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Create a draft meeting. The service looks up the district, the communities and every referenced organisation and contact in ' +
    'communities with the actor’s scope. FORBIDDEN when the district is outside the actor scope.',
  schema: z
    .object({
      input: CreateMeetingInputSchema,
      place: MeetingPlaceSchema.optional().describe('Ignored (the service looks the place up); still accepted from senders that set it'),
    })
    .strict(),
  reply: MeetingViewSchema,
});
