import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { QuarterSchema, TimeZoneSchema } from './meeting.dto';

/** Plan details whose change invitees are told about. */
export const MEETING_UPDATE_FIELDS = [
  'title',
  'durationMinutes',
  'venueName',
  'venueType',
  'venueLocation',
  'policeUnitId',
  'facilitatingOrganisationId',
  'organisedBy',
  'inviteeContactIds',
  'inviteeOrganisationIds',
] as const;
export const MeetingUpdateFieldSchema = z.enum(MEETING_UPDATE_FIELDS).describe('A plan detail of a meeting');
export type MeetingUpdateField = z.infer<typeof MeetingUpdateFieldSchema>;

const ids = (max: number, what: string) => z.array(z.string().uuid()).max(max).describe(what);

export const MeetingUpdatedEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.updated.v1',
  owner: 'meetings',
  description:
    'The plan of a scheduled or postponed meeting changed (venue, title, organisers or invitees): notifications sends an ' +
    'update. Ids, codes, times and the names of the changed fields only; never the new values of free text, no personal data.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      status: z.enum(['scheduled', 'postponed']).describe('Status of the meeting when it changed'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for'),
      districtCode: GeoCodeSchema.describe('District the meeting is held in'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      quarter: QuarterSchema.describe('Calendar quarter the meeting counts for'),
      scheduledFor: z.string().datetime().describe('Start (UTC)'),
      timeZone: TimeZoneSchema.optional().describe('IANA time zone of the district, to show the start in local time'),
      sequence: z.number().int().min(0).describe('iCalendar SEQUENCE after the change'),
      changedFields: z.array(MeetingUpdateFieldSchema).min(1).describe('Which plan details changed'),
      inviteeContactIds: ids(200, 'Invited contacts after the change (all to notify)'),
      inviteeOrganisationIds: ids(100, 'Invited organisations after the change (all to notify)'),
      addedInviteeContactIds: ids(200, 'Contacts newly invited by this change'),
      removedInviteeContactIds: ids(200, 'Contacts no longer invited (to tell they are released)'),
      addedInviteeOrganisationIds: ids(100, 'Organisations newly invited by this change'),
      removedInviteeOrganisationIds: ids(100, 'Organisations no longer invited'),
      occurredAt: z.string().datetime().describe('When it changed (UTC)'),
    })
    .strict(),
});
