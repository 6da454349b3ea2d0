import type { CommunityView, ContactView, MeetingView, MinutesView, OrganisationView } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { emailsTo } from './support/emails';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const listQuery = (filter: Record<string, unknown>) => `?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,499]`;

/**
 * The heads of regional law-enforcement departments (issue 14; DOMAIN.md: the NGO "invited the heads of regional
 * law-enforcement departments"): a department of the Sughd region (no district) and its head are offered by the invite
 * step of an Isfara meeting, invited, sent the invitation and, once approved, the minutes — through the real services.
 */
describe('regional law enforcement: invited to a district reporting day and sent its minutes', () => {
  const email = `regional.head.${hex()}@example.tj`;
  let department: OrganisationView;
  let head: ContactView;

  beforeAll(async () => {
    const created = await api<OrganisationView>('coordinator', 'POST', '/organisations', { name: `Sughd regional department ${hex()}`, kind: 'regional-law-enforcement', regionCode: 'sughd' });
    expect(created.status).toBe(201);
    department = created.body;
    const person = await api<ContactView>('coordinator', 'POST', '/contacts', {
      name: `Head of the regional department ${hex()}`,
      position: 'Head of department',
      organisationId: department.id,
      email,
      preferredChannel: 'email',
      preferredLanguage: 'en',
      consent: true,
    });
    expect(person.status).toBe(201);
    head = person.body;
    expect(head).toMatchObject({ districtCode: null, regionCode: 'sughd' });
  });

  it('should offer the department and its head to an Isfara meeting’s invite step (meetingDistrict), which the district filter left out', async () => {
    const offered = await api<OrganisationView[]>('ngo.isfara', 'GET', `/organisations${listQuery({ meetingDistrict: 'isfara' })}`);
    expect(offered.status).toBe(200);
    expect(offered.body.map((o) => o.id)).toContain(department.id);
    expect(offered.body.every((o) => o.regionCode === 'sughd' && (o.districtCode === 'isfara' || o.districtCode === null))).toBe(true);
    const people = await api<ContactView[]>('ngo.isfara', 'GET', `/contacts${listQuery({ meetingDistrict: 'isfara' })}`);
    expect(people.body.map((c) => c.id)).toContain(head.id);
    const byDistrict = await api<OrganisationView[]>('ngo.isfara', 'GET', `/organisations${listQuery({ districtCode: 'isfara' })}`);
    expect(byDistrict.body.map((o) => o.id)).not.toContain(department.id);
    expect((await api('ngo.isfara', 'GET', `/organisations${listQuery({ meetingDistrict: 'Not a code' })}`)).status).toBe(400);
  });

  it('should send the head the invitation and, once the minutes are approved, the minutes', async () => {
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Regional guests village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const draft = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: `Reporting day with the regional department ${hex()}`,
      startsAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
      venueName: 'School No. 4',
      venueType: 'school',
      organisedBy: 'police',
    });
    expect(draft.status).toBe(201);
    const path = (rest = '') => `/meetings/${draft.body.id}${rest}`;
    const invited = await api<MeetingView>('ngo.isfara', 'PATCH', path(), { inviteeContactIds: [head.id], inviteeOrganisationIds: [department.id] });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ inviteeContactIds: [head.id], inviteeOrganisationIds: [department.id] });
    expect((await api('police.isfara', 'POST', path('/transitions'), { to: 'scheduled' })).status).toBe(200);
    const [invitation] = await eventually(async () => {
      const mails = (await emailsTo(email)).filter((m) => m.subject?.startsWith('Invitation:'));
      expect(mails).toHaveLength(1);
      return mails;
    }, 20_000, 200);
    expect(invitation.subject).toContain(draft.body.title);

    expect((await api('police.isfara', 'POST', path('/transitions'), { to: 'held' })).status).toBe(200);
    const saved = await api<MinutesView>('police.isfara', 'PUT', path('/minutes'), { body: '# Minutes\n\nThe regional department briefed on border-crossing rules.', language: 'en' });
    expect(saved.status).toBe(200);
    // The coordinator approves (ADR 34: the organisers' members or the coordinator).
    expect((await api('coordinator', 'POST', path('/minutes/approve'), { expectedVersion: saved.body.version })).status).toBe(200);
    const [minutes] = await eventually(async () => {
      const mails = (await emailsTo(email)).filter((m) => m.subject?.startsWith('Minutes:'));
      expect(mails).toHaveLength(1);
      return mails;
    }, 30_000, 250);
    expect(minutes.text).toContain('border-crossing rules');
  });
});
