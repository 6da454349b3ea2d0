import type { Actor, CreateMeetingInput } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** The actors, place and meeting input the planning specs share: Isfara (Sughd) and one of another district. */
const scope = (districts: string[]) => ({ national: false, regions: [], districts });
export const police: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: scope(['isfara']) };
export const ngo: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: scope(['isfara']) };
export const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: scope(['batken']) };
export const localGov: Actor = { userId: 'u-lg', username: 'lg.isfara', roles: ['local-government'], scope: scope(['isfara']) };
export const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
export const place = { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' };
/** The handbook's `reporting-day` v1, seeded by migration with a fixed id. */
export const DEFAULT_TEMPLATE_ID = '5d1f3c2a-7b7e-4c39-9a51-0d6a4c1e0001';

/** A local meeting for a new community of Isfara, by the police, `startsInMs` from now (default half an hour). */
export const meetingInput = (over: Partial<CreateMeetingInput> = {}, startsInMs = 30 * 60 * 1000): CreateMeetingInput => ({
  kind: 'local',
  communityIds: [randomUUID()],
  districtCode: 'isfara',
  title: 'Reporting day',
  startsAt: new Date(Date.now() + startsInMs).toISOString(),
  durationMinutes: 120,
  venueName: 'School No. 2',
  venueType: 'school',
  organisedBy: 'police',
  inviteeContactIds: [],
  inviteeOrganisationIds: [],
  ...over,
});
