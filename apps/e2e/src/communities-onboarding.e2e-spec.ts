import {
  MeetingScheduledEvtV1,
  ProblemDetailsSchema,
  type CommunityView,
  type ContactView,
  type DistrictView,
  type OfficerAssignmentView,
  type OrganisationView,
  type RegionView,
} from '@rd/contracts';
import { connectTestNats, eventually } from '@rd/testing';
import { JSONCodec } from 'nats';
import { randomBytes, randomUUID } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const unique = (base: string) => `${base} ${randomBytes(3).toString('hex')}`;
const code = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number): ReturnType<typeof ProblemDetailsSchema.parse> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = ProblemDetailsSchema.parse(response.body);
  expect(problem.status).toBe(status);
  return problem;
}

const fields = (problem: { errors?: { field: string }[] }) => (problem.errors ?? []).map((e) => e.field).sort();

/** Publishes meeting.scheduled directly, to test the communities consumer on its own (meetings.e2e-spec.ts schedules for real). */
async function publishMeetingScheduled(communityId: string): Promise<string> {
  const nc = await connectTestNats();
  try {
    const meetingId = randomUUID();
    const payload = MeetingScheduledEvtV1.schema.parse({ meetingId, communityIds: [communityId], districtCode: 'isfara', scheduledFor: '2026-12-15T05:00:00.000Z', quarter: '2026-Q4' });
    await nc.jetstream().publish(`${e2eEnv().prefix}.${MeetingScheduledEvtV1.name}`, JSONCodec().encode(payload), { msgID: randomUUID() });
    return meetingId;
  } finally {
    await nc.close();
  }
}

describe('communities through the gateway: geography, onboarding, organisations, contacts, officer roster', () => {
  describe('geography', () => {
    it('should let the coordinator add a region and a district with names in four languages, and refuse others', async () => {
      const regionCode = code('osh');
      const region = await api<RegionView & { id: string }>('coordinator', 'POST', '/regions', {
        code: regionCode,
        countryCode: 'KG',
        name: { en: 'Osh', ru: 'Ош', tg: 'Ўш', ky: 'Ош' },
        location: { lat: 40.5, lng: 72.8 },
      });
      expect(region.status).toBe(201);
      expect(region.body).toMatchObject({ id: regionCode, code: regionCode, location: { lat: 40.5, lng: 72.8 } });
      const district = await api<DistrictView>('coordinator', 'POST', '/districts', { code: code('kara-suu'), regionCode, name: { en: 'Kara-Suu' }, timeZone: 'Asia/Bishkek' });
      expect(district.status).toBe(201);
      expect(district.body).toMatchObject({ regionCode, countryCode: 'KG' });
      const renamed = await api<DistrictView>('coordinator', 'PATCH', `/districts/${district.body.code}`, { name: { en: 'Kara-Suu', ru: 'Кара-Суу' } });
      expect(renamed.body.name).toEqual({ en: 'Kara-Suu', ru: 'Кара-Суу' });

      expectProblem(await api('ngo.isfara', 'POST', '/regions', { code: code('naryn'), countryCode: 'KG', name: { en: 'Naryn' } }), 403);
      const bad = expectProblem(await api('coordinator', 'POST', '/districts', { code: 'X', regionCode, name: { ru: 'нет' }, location: { lat: 120, lng: 0 } }), 400);
      expect(fields(bad)).toEqual(['code', 'location.lat', 'name.en']);
      const duplicate = expectProblem(await api('coordinator', 'POST', '/regions', { code: 'sughd', countryCode: 'TJ', name: { en: 'Sughd' } }), 409);
      // The communities service's reason code reaches problem+json (ADR 31).
      expect(duplicate).toMatchObject({ code: 'region.duplicate-code', type: 'https://reporting-days.example/problems/region.duplicate-code' });
    });

    it('should show every region but only districts in scope', async () => {
      const regions = await api<RegionView[]>('police.batken', 'GET', '/regions');
      expect(regions.body.map((r) => r.code)).toEqual(expect.arrayContaining(['batken', 'sughd']));
      expect(regions.headers.get('content-range')).toMatch(/^regions 0-\d+\/\d+$/);
      expect((await api('ngo.isfara', 'GET', '/districts/isfara')).status).toBe(200);
      expect(expectProblem(await api('ngo.isfara', 'GET', '/districts/batken'), 404).code).toBe('district.not-found');
      const many = await api<DistrictView[]>('ngo.isfara', 'GET', `/districts?filter=${encodeURIComponent(JSON.stringify({ id: ['isfara', 'batken'] }))}`);
      expect(many.body.map((d) => d.code)).toEqual(['isfara']);
      expect(many.headers.get('content-range')).toBe('districts 0-0/1');
    });
  });

  describe('onboarding a community', () => {
    it('should take a community from proposed to active once the checklist is complete', async () => {
      const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: unique('Lakkon'), districtCode: 'isfara', kind: 'village', location: { lat: 40.05, lng: 70.7 } });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(created.body).toMatchObject({ status: 'proposed', location: { lat: 40.05, lng: 70.7 } });

      // An illegal jump: 409 with the reason and the allowed targets.
      const jump = expectProblem(await api('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'active' }), 409);
      expect(jump.detail ?? jump.title).toBeDefined();
      expect(jump.code).toBe('community.invalid-transition');
      expect(jump.errors).toEqual([{ field: 'to', message: 'Cannot go from proposed to active; allowed: onboarding, archived' }]);

      const onboarding = await api<CommunityView>('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'onboarding', reason: 'Jamoat agreed' });
      expect(onboarding.status).toBe(200);
      expect(onboarding.body.status).toBe('onboarding');

      const incomplete = expectProblem(await api('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'active' }), 409);
      expect(incomplete.code).toBe('community.checklist-incomplete');
      expect(fields(incomplete)).toEqual(
        ['checklist.firstReportingDayPlanned', 'checklist.focalPoint', 'checklist.localGovernmentContact', 'checklist.officer', 'checklist.policeUnit'].sort(),
      );

      const police = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: unique('Isfara police'), kind: 'district-police', districtCode: 'isfara' });
      const hukumat = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: unique('Isfara hukumat'), kind: 'local-government', districtCode: 'isfara' });
      expect([police.status, hukumat.status]).toEqual([201, 201]);
      const person = (name: string, organisationId: string) =>
        api<ContactView>('ngo.isfara', 'POST', '/contacts', { name, organisationId, phone: '+992927111111', preferredLanguage: 'tg', preferredChannel: 'sms', consent: true, communityIds: [id] });
      const focal = await person(unique('Focal'), hukumat.body.id);
      const gov = await person(unique('Gov'), hukumat.body.id);
      const officer = await person(unique('Officer'), police.body.id);
      expect(officer.body).toMatchObject({ districtCode: 'isfara', regionCode: 'sughd', consent: true });

      const patched = await api<CommunityView>('ngo.isfara', 'PATCH', `/communities/${id}`, { focalPointContactIds: [focal.body.id], localGovernmentContactId: gov.body.id });
      expect(patched.status).toBe(200);
      const badPatch = expectProblem(await api('ngo.isfara', 'PATCH', `/communities/${id}`, { population: -1, location: { lat: 0, lng: 200 }, colour: 'red' }), 400);
      expect(fields(badPatch)).toEqual(['(body)', 'location.lng', 'population'].sort());

      const assigned = await api<OfficerAssignmentView>('police.isfara', 'POST', '/officer-assignments', { communityId: id, officerContactId: officer.body.id, policeUnitId: police.body.id });
      expect(assigned.status).toBe(201);
      expect(assigned.body).toMatchObject({ communityId: id, current: true, until: null });
      const roster = await api<OfficerAssignmentView[]>('ngo.isfara', 'GET', `/officer-assignments?filter=${encodeURIComponent(JSON.stringify({ communityId: id }))}`);
      expect(roster.body.map((r) => r.id)).toEqual([assigned.body.id]);
      expect(roster.headers.get('content-range')).toBe('officer-assignments 0-0/1');

      const meetingId = await publishMeetingScheduled(id);
      const ready = await eventually(async () => {
        const response = await api<CommunityView>('ngo.isfara', 'GET', `/communities/${id}`);
        expect(response.body.checklist.firstReportingDayPlanned).toBe(true);
        return response.body;
      }, 5000, 50);
      expect(ready).toMatchObject({ firstMeetingId: meetingId, checklist: { focalPoint: true, localGovernmentContact: true, policeUnit: true, officer: true } });

      const active = await api<CommunityView>('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'active' });
      expect(active.status).toBe(200);
      expect(active.body).toMatchObject({ status: 'active', allowedTransitions: ['paused', 'archived'] });

      // Out of scope: hidden; without the permission: refused.
      expectProblem(await api('ngo.khujand', 'PATCH', `/communities/${id}`, { population: 10 }), 404);
      expectProblem(await api('gov.isfara', 'POST', `/communities/${id}/transitions`, { to: 'paused' }), 403);
      const badTarget = expectProblem(await api('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'closed' }), 400);
      expect(fields(badTarget)).toEqual(['to']);
    });
  });

  describe('organisations and contacts', () => {
    it('should list organisations react-admin style and refuse what is out of scope', async () => {
      const created = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: unique('Women of Isfara'), kind: 'ngo', districtCode: 'isfara' });
      expect(created.status).toBe(201);
      const list = await api<OrganisationView[]>('ngo.isfara', 'GET', `/organisations?sort=${encodeURIComponent('["name","ASC"]')}&range=[0,0]&filter=${encodeURIComponent(JSON.stringify({ q: created.body.name }))}`);
      expect(list.body.map((o) => o.id)).toEqual([created.body.id]);
      expect(list.headers.get('content-range')).toBe('organisations 0-0/1');
      const many = await api<OrganisationView[]>('ngo.isfara', 'GET', `/organisations?filter=${encodeURIComponent(JSON.stringify({ id: [created.body.id] }))}`);
      expect(many.body).toHaveLength(1);
      expectProblem(await api('police.batken', 'GET', `/organisations/${created.body.id}`), 404);
      expectProblem(await api('ngo.isfara', 'POST', '/organisations', { name: unique('Batken NGO'), kind: 'ngo', districtCode: 'batken' }), 403);
      const bad = expectProblem(await api('ngo.isfara', 'POST', '/organisations', { name: 'X', kind: 'club' }), 400);
      expect(fields(bad)).toEqual(['kind', 'name']);
      const renamed = await api<OrganisationView>('ngo.isfara', 'PATCH', `/organisations/${created.body.id}`, { name: 'Women of Isfara (renamed)' });
      expect(renamed.body.name).toBe('Women of Isfara (renamed)');
      expect((await api('ngo.isfara', 'DELETE', `/organisations/${created.body.id}`)).status).toBe(200);
      expectProblem(await api('ngo.isfara', 'GET', `/organisations/${created.body.id}`), 404);
    });

    it('should validate contacts field by field, keep them from the regional reviewer, and erase on request', async () => {
      const bad = expectProblem(
        await api('ngo.isfara', 'POST', '/contacts', { name: 'Q', districtCode: 'isfara', phone: '12345', email: 'nope', preferredLanguage: 'fr', preferredChannel: 'pigeon' }),
        400,
      );
      expect(fields(bad)).toEqual(['email', 'name', 'phone', 'preferredChannel', 'preferredLanguage']);

      const created = await api<ContactView>('ngo.isfara', 'POST', '/contacts', {
        name: 'Focal point (test)',
        position: 'Teacher',
        districtCode: 'isfara',
        phone: '+992927555666',
        email: 'focal-point@example.org',
        preferredLanguage: 'ru',
        preferredChannel: 'email',
        consent: false,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ consent: false, consentChangedAt: null });
      const consented = await api<ContactView>('ngo.isfara', 'PATCH', `/contacts/${created.body.id}`, { consent: true });
      expect(consented.body.consent).toBe(true);
      expect(consented.body.consentChangedAt).not.toBeNull();

      expect((await api('gov.isfara', 'GET', `/contacts/${created.body.id}`)).status).toBe(200);
      expectProblem(await api('reviewer.sughd', 'GET', '/contacts'), 403);
      expectProblem(await api('reviewer.sughd', 'GET', `/contacts/${created.body.id}`), 404);
      expectProblem(await api('police.batken', 'GET', `/contacts/${created.body.id}`), 404);
      expectProblem(await api('gov.isfara', 'POST', `/contacts/${created.body.id}/erase`, {}), 403);

      const erased = await api<ContactView>('ngo.isfara', 'POST', `/contacts/${created.body.id}/erase`, {});
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({ id: created.body.id, name: '', position: null, phone: null, email: null, consent: false });
      expect(erased.body.erasedAt).not.toBeNull();
      const again = await api<ContactView>('ngo.isfara', 'GET', `/contacts/${created.body.id}`);
      expect(again.body).toMatchObject({ id: created.body.id, name: '', erasedAt: erased.body.erasedAt });
      expectProblem(await api('ngo.isfara', 'PATCH', `/contacts/${created.body.id}`, { name: 'Back' }), 409);
    });

    it('should show the seeded Isfara contacts with their consent', async () => {
      const seeded = await api<ContactView[]>('ngo.isfara', 'GET', `/contacts?filter=${encodeURIComponent(JSON.stringify({ q: 'Community police inspector (demo)' }))}`);
      expect(seeded.body).toEqual([expect.objectContaining({ name: 'Community police inspector (demo)', consent: true, preferredChannel: 'sms' })]);
    });
  });

  it('should document every new route in the OpenAPI description', async () => {
    const document = await api<{ paths: Record<string, Record<string, unknown>> }>(null, 'GET', '/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/regions', '/regions/{code}', '/districts/{code}', '/communities/{id}/transitions', '/organisations/{id}', '/contacts/{id}/erase', '/officer-assignments']),
    );
  });
});
