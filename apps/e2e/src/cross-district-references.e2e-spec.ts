import { ProblemDetailsSchema, type ActionView, type CommunityView, type ContactView, type MeetingView, type OrganisationKind } from '@rd/contracts';
import { randomBytes } from 'node:crypto';
import { insertHeldMeeting } from './support/concerns';
import { api, type ApiResponse } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

function fieldErrors(response: ApiResponse, status = 400): { field: string; message: string }[] {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ProblemDetailsSchema.parse(response.body).errors ?? [];
}

/**
 * Through the gateway with the demo users: a contact or an action of Isfara (region Sughd) cannot
 * be tied to a Batken organisation (region Batken) — that link would send Batken's invitations, minutes and action
 * alerts to Isfara's people, and Isfara's to Batken's. ngo.isfara cannot see Batken's organisation, so it is
 * "unknown" exactly like an id that does not exist; the coordinator sees it and gets the district/region rule.
 * The regional department of Sughd (region-level) stays a legitimate reference inside Sughd.
 */
describe('cross-district references through the gateway', () => {
  const org: Record<string, string> = {};

  const organisation = async (kind: OrganisationKind, place: { districtCode?: string; regionCode?: string }) => {
    const created = await api<{ id: string }>('coordinator', 'POST', '/organisations', { name: `Refs ${kind} ${hex()}`, kind, ...place });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  beforeAll(async () => {
    org.batkenPolice = await organisation('district-police', { districtCode: 'batken' });
    org.khujandPolice = await organisation('district-police', { districtCode: 'khujand' });
    org.isfaraGov = await organisation('local-government', { districtCode: 'isfara' });
    org.sughdRegional = await organisation('regional-law-enforcement', { regionCode: 'sughd' });
  });

  describe('contacts', () => {
    it('should refuse ngo.isfara an Isfara contact in a Batken organisation as an unknown organisation (400, like a missing id)', async () => {
      const linked = await api('ngo.isfara', 'POST', '/contacts', { name: `Isfara person ${hex()}`, districtCode: 'isfara', organisationId: org.batkenPolice, consent: true });
      expect(fieldErrors(linked)).toEqual([{ field: 'organisationId', message: 'Unknown organisation' }]);
      const missing = await api('ngo.isfara', 'POST', '/contacts', { name: `Isfara person ${hex()}`, districtCode: 'isfara', organisationId: '5a0d3f8e-1c2b-4d5e-8f90-123456789abc', consent: true });
      expect(fieldErrors(missing)).toEqual(fieldErrors(linked));
    });

    it('should refuse the coordinator the same link by the district/region rule', async () => {
      const linked = await api('coordinator', 'POST', '/contacts', { name: `Isfara person ${hex()}`, districtCode: 'isfara', organisationId: org.batkenPolice, consent: true });
      expect(fieldErrors(linked)).toEqual([{ field: 'organisationId', message: 'The organisation is not of the contact’s district or region' }]);
    });

    it('should accept an Isfara contact of the Sughd regional department (region-level, same region)', async () => {
      const regional = await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name: `Regional liaison ${hex()}`, districtCode: 'isfara', organisationId: org.sughdRegional, consent: true });
      expect(regional.status).toBe(201);
      expect(regional.body).toMatchObject({ districtCode: 'isfara', regionCode: 'sughd', organisationId: org.sughdRegional });
    });
  });

  describe('meetings and follow-up actions', () => {
    let community: CommunityView;
    let concernId: string;

    beforeAll(async () => {
      const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Refs village ${hex()}`, districtCode: 'isfara', kind: 'village' });
      expect(created.status).toBe(201);
      community = created.body;
      const meetingId = await insertHeldMeeting('isfara', 'sughd');
      const concern = await api<{ id: string }>('ngo.isfara', 'POST', `/meetings/${meetingId}/concerns`, { topic: 'water-and-irrigation', sensitivity: 'public', text: 'The canal gate is broken', followUpNeeded: true });
      expect(concern.status).toBe(201);
      concernId = concern.body.id;
    });

    const plan = (user: string, over: Record<string, unknown>) =>
      api<MeetingView>(user, 'POST', '/meetings', {
        kind: 'local',
        communityIds: [community.id],
        districtCode: 'isfara',
        title: 'Reporting day',
        startsAt: inDays(20),
        venueName: 'Community centre',
        venueType: 'community-centre',
        organisedBy: 'police',
        ...over,
      });

    it('should refuse an action of an Isfara concern owned by a Batken organisation: unknown to ngo.isfara, the rule for the coordinator', async () => {
      const byNgo = await api('ngo.isfara', 'POST', `/concerns/${concernId}/actions`, { ownerOrganisationId: org.batkenPolice, dueDate: '2027-03-31' });
      expect(fieldErrors(byNgo)).toEqual([{ field: 'ownerOrganisationId', message: 'unknown organisation' }]);
      const byCoordinator = await api('coordinator', 'POST', `/concerns/${concernId}/actions`, { ownerOrganisationId: org.batkenPolice, dueDate: '2027-03-31' });
      expect(fieldErrors(byCoordinator)).toEqual([{ field: 'ownerOrganisationId', message: 'not of the meeting’s district or region' }]);
      // A contact of another organisation cannot be named as the owner's contact.
      const regional = await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name: `Regional officer ${hex()}`, organisationId: org.sughdRegional, districtCode: 'isfara', consent: true });
      const mismatch = await api('ngo.isfara', 'POST', `/concerns/${concernId}/actions`, { ownerOrganisationId: org.isfaraGov, ownerContactId: regional.body.id, dueDate: '2027-03-31' });
      expect(fieldErrors(mismatch)).toEqual([{ field: 'ownerContactId', message: 'not a contact of the owner organisation' }]);
      const actions = await api<ActionView[]>('coordinator', 'GET', `/actions?filter=${encodeURIComponent(JSON.stringify({ concernId }))}`);
      expect(actions.body).toEqual([]);
    });

    it('should accept an action owned by the Sughd regional department or by the district’s own administration', async () => {
      const regional = await api<ActionView>('ngo.isfara', 'POST', `/concerns/${concernId}/actions`, { ownerOrganisationId: org.sughdRegional, dueDate: '2027-03-31' });
      expect(regional.status).toBe(201);
      const local = await api<ActionView>('police.isfara', 'POST', `/concerns/${concernId}/actions`, { ownerOrganisationId: org.isfaraGov, dueDate: '2027-03-31' });
      expect(local.status).toBe(201);
    });

    it('should refuse the coordinator a police unit of another district for an Isfara meeting, and accept the regional department', async () => {
      const khujand = await plan('coordinator', { policeUnitId: org.khujandPolice });
      expect(fieldErrors(khujand)).toEqual([{ field: 'policeUnitId', message: 'not of the meeting’s district or region' }]);
      const regional = await plan('coordinator', { policeUnitId: org.sughdRegional });
      expect(regional.status).toBe(201);
      const moved = await api('coordinator', 'PATCH', `/meetings/${regional.body.id}`, { policeUnitId: org.batkenPolice });
      expect(fieldErrors(moved)).toEqual([{ field: 'policeUnitId', message: 'not of the meeting’s district or region' }]);
    });
  });
});
