import { ProblemDetailsSchema, type CommunityView, type MeetingView, type OrganisationView } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ProblemDetailsSchema.parse(response.body);
}

/** The .ics lines, unfolded (RFC 5545 §3.1). */
const icsLines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('meetings through the gateway: plan, schedule, postpone, cancel, calendars', () => {
  let community: CommunityView;
  let batkenCommunity: CommunityView;

  beforeAll(async () => {
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Meeting village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(created.status).toBe(201);
    community = created.body;
    const batken = await api<CommunityView>('coordinator', 'POST', '/communities', { name: `Batken village ${hex()}`, districtCode: 'batken', kind: 'village' });
    expect(batken.status).toBe(201);
    batkenCommunity = batken.body;
  });

  const plan = (user: string, over: Record<string, unknown> = {}) =>
    api<MeetingView>(user, 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.id],
      districtCode: 'isfara',
      title: 'Reporting day',
      startsAt: inDays(14),
      venueName: 'Community centre',
      venueType: 'community-centre',
      organisedBy: 'police',
      ...over,
    });

  it('should tick "first reporting day planned" on the community once police.isfara schedules a meeting', async () => {
    expect(community.checklist.firstReportingDayPlanned).toBe(false);
    const draft = await plan('police.isfara');
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', districtCode: 'isfara', regionCode: 'sughd', timeZone: 'Asia/Dushanbe' });
    expect(draft.body.startsAtLocal).toMatch(/\+05:00$/);

    const scheduled = await api<MeetingView>('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'scheduled' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.status).toBe('scheduled');

    const ticked = await eventually(async () => {
      const response = await api<CommunityView>('police.isfara', 'GET', `/communities/${community.id}`);
      if (!response.body.checklist.firstReportingDayPlanned) throw new Error('not yet ticked');
      return response.body;
    }, 15_000);
    expect(ticked.firstMeetingId).toBe(draft.body.id);
  });

  it('should postpone with a new date and reason, keep the history, then cancel', async () => {
    const draft = await plan('police.isfara', { title: 'Reporting day, harvest' });
    await api('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'scheduled' });

    const missing = await api('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'postponed' });
    expect(expectProblem(missing, 409).errors?.map((e) => e.field).sort()).toEqual(['newStartsAt', 'reason']);

    const newStart = inDays(21);
    const postponed = await api<MeetingView>('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'postponed', newStartsAt: newStart, reason: 'Harvest: moved to the field' });
    expect(postponed.status).toBe(200);
    expect(postponed.body).toMatchObject({ status: 'postponed', startsAt: newStart, statusReason: 'Harvest: moved to the field' });
    expect(postponed.body.history.map((h) => `${h.from}->${h.to}`)).toEqual(['draft->scheduled', 'scheduled->postponed']);
    expect(postponed.body.history[1]?.previousStartsAt).toBe(draft.body.startsAt);

    const cancelled = await api<MeetingView>('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'cancelled', reason: 'Flooding on the road' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await api('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'scheduled' });
    expect(expectProblem(again, 409).detail).toContain('cancelled');

    const listed = await api<MeetingView[]>('ngo.isfara', 'GET', `/meetings?filter=${encodeURIComponent(JSON.stringify({ communityId: community.id, status: 'cancelled' }))}`);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('content-range')).toMatch(/^meetings /);
    expect(listed.body.map((m) => m.id)).toContain(draft.body.id);
  });

  it('should download a meeting and the district feed as iCalendar', async () => {
    const orgs = await api<OrganisationView[]>('ngo.isfara', 'GET', `/organisations?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: 'isfara' }))}`);
    const police = orgs.body.find((o) => o.kind === 'district-police');
    const ngo = orgs.body.find((o) => o.kind === 'ngo');
    expect(police && ngo).toBeTruthy();
    const unnamed = await plan('ngo.isfara', { organisedBy: 'police-ngo-facilitated' });
    expect(expectProblem(unnamed, 400).errors?.[0]?.field).toBe('facilitatingOrganisationId'); // an NGO-facilitated meeting names its facilitator
    const swapped = await plan('ngo.isfara', { organisedBy: 'police-ngo-facilitated', policeUnitId: ngo?.id, facilitatingOrganisationId: police?.id });
    expect(expectProblem(swapped, 400).errors?.map((e) => e.field).sort()).toEqual(['facilitatingOrganisationId', 'policeUnitId']);
    const facilitated = await plan('ngo.isfara', {
      title: 'Reporting day, Somonien',
      venueName: 'School No. 2, hall',
      venueType: 'school',
      venueLocation: { lat: 39.95, lng: 70.68 },
      organisedBy: 'police-ngo-facilitated',
      policeUnitId: police?.id,
      facilitatingOrganisationId: ngo?.id,
    });
    expect(facilitated.status).toBe(201);
    const id = facilitated.body.id;
    await api('police.isfara', 'POST', `/meetings/${id}/transitions`, { to: 'scheduled' });

    const ics = await api<string>('gov.isfara', 'GET', `/meetings/${id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.body).toMatch(/\r\n$/);
    const lines = icsLines(ics.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain(`UID:${id}@reporting-days`);
    expect(lines).toContain(`DTSTART:${facilitated.body.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(lines).toContain('SUMMARY:Reporting day\\, Somonien');
    expect(lines).toContain('LOCATION:School No. 2\\, hall');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('GEO:39.95;70.68');
    expect(lines).toContain('DESCRIPTION:https://www.openstreetmap.org/?mlat=39.95&mlon=70.68#map=17/39.95/70.68');
    expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);

    await api('police.isfara', 'POST', `/meetings/${id}/transitions`, { to: 'cancelled', reason: 'Venue unavailable' });
    const feed = await api<string>('police.isfara', 'GET', '/districts/isfara/meetings.ics');
    expect(feed.status).toBe(200);
    const event = icsLines(feed.body).join('\n').split('BEGIN:VEVENT').find((block) => block.includes(`UID:${id}@`));
    expect(event).toContain('STATUS:CANCELLED');
  });

  it('should answer 404 on reads and writes outside the scope, and nothing to a regional reviewer', async () => {
    const draft = await plan('police.isfara');
    expect((await api('police.batken', 'GET', `/meetings/${draft.body.id}`)).status).toBe(404);
    expectProblem(await api('police.batken', 'GET', `/meetings/${draft.body.id}/calendar.ics`), 404);
    expect((await api('police.batken', 'GET', '/districts/isfara/meetings.ics')).status).toBe(404);
    expectProblem(await api('police.batken', 'PATCH', `/meetings/${draft.body.id}`, { title: 'Taken over' }), 404);
    expectProblem(await api('police.batken', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'scheduled' }), 404);
    expectProblem(await plan('police.isfara', { communityIds: [batkenCommunity.id], districtCode: 'batken' }), 403);
    const mixed = expectProblem(await plan('police.isfara', { communityIds: [batkenCommunity.id] }), 400);
    expect(mixed.errors?.[0]?.field).toBe('communityIds.0');
    expectProblem(await api('reviewer.sughd', 'GET', `/meetings/${draft.body.id}`), 404);
    expectProblem(await api('reviewer.sughd', 'GET', '/meetings'), 403);
    const own = await api<MeetingView[]>('police.batken', 'GET', '/meetings?range=[0,499]');
    expect(own.body.every((m) => m.districtCode === 'batken')).toBe(true);
  });
});
