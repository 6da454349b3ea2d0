import {
  eventStreamName,
  type ActionView,
  type CommunityView,
  type ConcernReceipt,
  type ConcernView,
  type MeetingAgendaView,
  type MeetingView,
  type MinutesView,
  type SignInSheetView,
  type TemplateView,
} from '@rd/contracts';
import { connectTestNats, eventually } from '@rd/testing';
import type { NatsConnection } from 'nats';
import { createHash, randomBytes } from 'node:crypto';
import { meetingsAuditRows, subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api, send, tokenFor } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const row = (n: number) => ({ under18: n, from18to29: n, from30to59: n, from60: n });
const SECRET = `Full-day secret ${hex()}: the border guard took a bribe at the crossing`;
const DEFAULT_TEMPLATE_ID = '5d1f3c2a-7b7e-4c39-9a51-0d6a4c1e0001';

/** Events of the meetings stream read so far (subject without the prefix, payload), and the next sequence to read. */
const streamRead: { next: number; events: { subject: string; payload: Record<string, unknown> }[] } = { next: 1, events: [] };

/** Events of the meetings stream that concern one meeting: reads the stream message by message, from where it stopped. */
async function meetingEvents(nc: NatsConnection, meetingId: string): Promise<{ subject: string; payload: Record<string, unknown> }[]> {
  const { prefix } = e2eEnv();
  const stream = eventStreamName(prefix, 'meetings');
  const jsm = await nc.jetstreamManager();
  const { state } = await jsm.streams.info(stream);
  for (let seq = Math.max(streamRead.next, state.first_seq); seq <= state.last_seq; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (message) streamRead.events.push({ subject: message.subject.slice(prefix.length + 1), payload: message.json<Record<string, unknown>>() });
  }
  streamRead.next = Math.max(streamRead.next, state.last_seq + 1);
  return streamRead.events.filter((event) => event.payload.meetingId === meetingId);
}

async function putFile(user: string, path: string, body: Buffer, type: string): Promise<{ status: number; body: unknown }> {
  const response = await send(`${e2eEnv().gatewayUrl}${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, 'Content-Type': type },
    body: new Uint8Array(body),
  });
  const text = response.text;
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function getFile(user: string, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${e2eEnv().gatewayUrl}${path}`, { headers: { Authorization: `Bearer ${await tokenFor(user)}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/**
 * A whole reporting day through the gateway with real tokens of the demo users: planned from the handbook template with
 * invitees, prepared, rescheduled, held, recorded, followed up, minuted, surveyed and closed; every step's event is read
 * back from JetStream, and none of them carries the confidential concern's text.
 */
describe('a full reporting day through the gateway', () => {
  let nc: NatsConnection;
  let meetingId: string;
  let community: CommunityView;
  let contactA: string;
  let contactB: string;
  let localGovOrg: string;
  let otherDistrictContact: string;
  let agenda: MeetingAgendaView;
  let confidentialId: string;
  let publicId: string;
  const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_400_000)]);
  const path = (suffix = '') => `/meetings/${meetingId}${suffix}`;

  beforeAll(async () => {
    nc = await connectTestNats();
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Full day village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(created.status).toBe(201);
    community = created.body;
    const post = async (user: string, url: string, body: unknown) => {
      const response = await api<{ id: string }>(user, 'POST', url, body);
      if (response.status !== 201) throw new Error(`setup: POST ${url} answered ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.id;
    };
    localGovOrg = await post('ngo.isfara', '/organisations', { name: `Jamoat ${hex()}`, kind: 'local-government', districtCode: 'isfara' });
    contactA = await post('ngo.isfara', '/contacts', { name: `Focal point ${hex()}`, districtCode: 'isfara', consent: true });
    contactB = await post('ngo.isfara', '/contacts', { name: `Deputy head ${hex()}`, organisationId: localGovOrg, consent: true });
    otherDistrictContact = await post('coordinator', '/contacts', { name: `Khujand official ${hex()}`, districtCode: 'khujand' });
  });

  afterAll(async () => {
    await nc?.close();
  });

  it('should refuse invitees that are not contacts of the district, then plan from the latest handbook template', async () => {
    const plan = (inviteeContactIds: string[]) =>
      api<MeetingView>('police.isfara', 'POST', '/meetings', {
        kind: 'local',
        communityIds: [community.id],
        districtCode: 'isfara',
        title: 'Reporting day, full walk-through',
        startsAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
        venueName: 'School No. 3',
        venueType: 'school',
        organisedBy: 'police',
        inviteeContactIds,
        inviteeOrganisationIds: [localGovOrg],
        templateId: DEFAULT_TEMPLATE_ID,
      });
    const refused = await plan([contactA, otherDistrictContact]);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['inviteeContactIds.1']);

    const templates = await api<TemplateView[]>('police.isfara', 'GET', '/templates');
    const latest = templates.body.filter((t) => t.key === 'reporting-day').sort((a, b) => b.version - a.version)[0];
    const created = await plan([contactA]);
    expect(created.status).toBe(201);
    meetingId = created.body.id;
    const got = await api<MeetingAgendaView>('gov.isfara', 'GET', path('/agenda'));
    expect(got.status).toBe(200);
    agenda = got.body;
    expect(agenda).toMatchObject({ templateId: latest.id, templateVersion: latest.version });
    expect(agenda.items.length).toBe(latest.agenda.length);
    expect(agenda.checklist.length).toBe(latest.checklist.length);
  });

  it('should schedule, tick a checklist step, attach a briefing, invite one more contact and reschedule', async () => {
    expect((await api('police.isfara', 'POST', path('/transitions'), { to: 'scheduled' })).status).toBe(200);
    const step = agenda.checklist[0];
    const ticked = await api<MeetingAgendaView>('ngo.isfara', 'POST', path(`/checklist/${step.id}/tick`), {});
    expect(ticked.status).toBe(200);
    expect(ticked.body.checklist.find((i) => i.id === step.id)?.done).toBe(true);

    const briefing = await api<{ id: string }>('ngo.isfara', 'POST', '/briefings', {
      title: { en: `Border crossing rules ${hex()}` },
      summary: { en: 'What changed at the crossing' },
      body: { en: 'Full text' },
      effectiveDate: '2027-01-01',
    });
    expect(briefing.status).toBe(201);
    const legal = agenda.items.find((i) => i.kind === 'legal-information');
    if (legal) {
      expect((await api('police.isfara', 'POST', path(`/agenda/items/${legal.id}/briefing`), { briefingId: briefing.body.id })).status).toBe(200);
    }

    const updated = await api<MeetingView>('police.isfara', 'PATCH', path(), { inviteeContactIds: [contactA, contactB], venueName: 'School No. 3, hall' });
    expect(updated.status).toBe(200);
    expect(updated.body.inviteeContactIds).toEqual([contactA, contactB]);
    expect((await api('police.isfara', 'PATCH', path(), { inviteeContactIds: [otherDistrictContact] })).status).toBe(400);

    const postponed = await api<MeetingView>('police.isfara', 'POST', path('/transitions'), {
      to: 'postponed',
      reason: 'The hall is booked for a wedding',
      newStartsAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    });
    expect(postponed.status).toBe(200);
    expect(postponed.body.status).toBe('postponed');
  });

  it('should hold the meeting, record attendance and attach a sign-in sheet larger than a NATS message', async () => {
    expect((await api('police.isfara', 'POST', path('/transitions'), { to: 'held' })).status).toBe(200);
    expect((await api('police.isfara', 'PUT', path('/attendance'), { counts: { women: row(5), men: row(4), other: row(0) }, officials: [{ organisationId: localGovOrg, count: 2 }] })).status).toBe(200);

    const stored = await putFile('police.isfara', path('/attendance/sign-in-sheet'), file, 'application/pdf');
    expect(stored.status).toBe(200);
    expect(stored.body as SignInSheetView).toMatchObject({ mediaType: 'application/pdf', sizeBytes: file.length, sha256: createHash('sha256').update(file).digest('hex'), chunks: 3 });

    const download = await getFile('gov.isfara', path('/attendance/sign-in-sheet'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.bytes.equals(file)).toBe(true);
    // The sheet holds handwritten names: the download is audited, with the downloader.
    expect(await meetingsAuditRows(meetingId, 'sign-in-sheet:read')).toEqual([expect.objectContaining({ userId: await subjectOf('gov.isfara') })]);

    // Wrong type, too big, outside the scope, and the regional reviewer never.
    expect((await putFile('police.isfara', path('/attendance/sign-in-sheet'), Buffer.from('GIF89a not a scan'), 'application/octet-stream')).status).toBe(415);
    expect((await putFile('police.isfara', path('/attendance/sign-in-sheet'), file, 'image/png')).status).toBe(415);
    expect((await putFile('police.isfara', path('/attendance/sign-in-sheet'), Buffer.concat([file, file, file, file]), 'application/pdf')).status).toBe(413);
    expect((await putFile('police.batken', path('/attendance/sign-in-sheet'), file, 'application/pdf')).status).toBe(404);
    expect((await getFile('police.batken', path('/attendance/sign-in-sheet'))).status).toBe(404);
    expect((await getFile('reviewer.sughd', path('/attendance/sign-in-sheet'))).status).toBe(404);
  });

  it('should record concerns (one confidential with a handler), follow them up with actions and resolve them', async () => {
    const handler = await subjectOf('ngo.isfara');
    const confidential = await api<ConcernReceipt>('police.isfara', 'POST', path('/concerns'), { topic: 'border-guards', sensitivity: 'confidential', text: SECRET, handlerIds: [handler] });
    expect(confidential.status).toBe(201);
    confidentialId = confidential.body.id;
    const open = await api<ConcernReceipt>('police.isfara', 'POST', path('/concerns'), { topic: 'water-and-irrigation', sensitivity: 'public', text: 'The canal gate is broken', followUpNeeded: true });
    expect(open.status).toBe(201);
    publicId = open.body.id;
    expect((await api('ngo.isfara', 'PATCH', `/concerns/${confidentialId}`, { answer: 'The head of the post will look into it', followUpNeeded: true })).status).toBe(200);

    // The confidential concern's action is followed by its handler; the public one by the local government that owns it.
    for (const [concernId, owner] of [
      [confidentialId, 'ngo.isfara'],
      [publicId, 'gov.isfara'],
    ] as const) {
      const action = await api<ActionView>('ngo.isfara', 'POST', `/concerns/${concernId}/actions`, { ownerOrganisationId: localGovOrg, ownerContactId: contactB, dueDate: '2027-03-31' });
      expect(action.status).toBe(201);
      expect((await api(owner, 'POST', `/actions/${action.body.id}/transitions`, { to: 'in-progress' })).status).toBe(200);
      expect((await api(owner, 'POST', `/actions/${action.body.id}/transitions`, { to: 'done' })).status).toBe(400);
      expect((await api(owner, 'POST', `/actions/${action.body.id}/transitions`, { to: 'done', note: 'Repaired and checked' })).status).toBe(200);
    }
    expect((await api('gov.isfara', 'GET', `/concerns/${confidentialId}`)).status).toBe(404);
    const resolved = await api<ConcernView>('ngo.isfara', 'GET', `/concerns/${confidentialId}`);
    expect(resolved.body.resolved).toBe(true);
    expect((await api<ConcernView>('gov.isfara', 'GET', `/concerns/${publicId}`)).body.resolved).toBe(true);
  });

  it('should draft and approve the minutes (locked), record the survey in bulk and close the meeting', async () => {
    expect((await api('police.isfara', 'POST', path('/transitions'), { to: 'closed' })).status).toBe(409);
    const draft = await api<MinutesView>('ngo.isfara', 'PUT', path('/minutes'), { body: '# Minutes\n\nTwo concerns were raised, one of them confidential.' });
    expect(draft.status).toBe(200);
    // Approved by the facilitating side: here the coordinator (ADR 34), as the meeting names no organisation of the demo users.
    const approved = await api<MinutesView>('coordinator', 'POST', path('/minutes/approve'), { expectedVersion: draft.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await api('ngo.isfara', 'PUT', path('/minutes'), { body: 'Late edit' })).status).toBe(409);

    const survey = [
      { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true, gender: 'female', ageGroup: '18-29' },
      { usefulness: 4, trustInPolice: 3, wouldContactPoliceFirst: false },
      { usefulness: 3, trustInPolice: 4, wouldContactPoliceFirst: true, comment: 'More such meetings' },
    ];
    expect((await api('ngo.isfara', 'POST', path('/feedback'), survey)).status).toBe(201);
    const closed = await api<MeetingView>('police.isfara', 'POST', path('/transitions'), { to: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('should have put every step on JetStream, and no event carries the confidential text', async () => {
    const expected = [
      'meetings.evt.agenda.template-applied.v1',
      'meetings.evt.meeting.scheduled.v1',
      'meetings.evt.agenda.checklist-item-ticked.v1',
      'meetings.evt.meeting.updated.v1',
      'meetings.evt.meeting.rescheduled.v1',
      'meetings.evt.meeting.held.v1',
      'meetings.evt.meeting.attendance-recorded.v1',
      'meetings.evt.meeting.sign-in-sheet-attached.v1',
      'meetings.evt.concern.recorded.v1',
      'meetings.evt.concern.updated.v1',
      'meetings.evt.action.assigned.v1',
      'meetings.evt.action.status-changed.v1',
      'meetings.evt.minutes.draft-saved.v1',
      'meetings.evt.minutes.approved.v1',
      'meetings.evt.meeting.feedback-recorded.v2',
      'meetings.evt.meeting.closed.v1',
    ];
    if (agenda.items.some((i) => i.kind === 'legal-information')) expected.push('meetings.evt.agenda.briefing-attached.v1');
    const events = await eventually(async () => {
      const found = await meetingEvents(nc, meetingId);
      expect([...new Set(found.map((e) => e.subject))]).toEqual(expect.arrayContaining(expected));
      return found;
    }, 20_000, 500);
    const of = (subject: string) => events.filter((e) => e.subject === subject).map((e) => e.payload);

    expect(of('meetings.evt.meeting.updated.v1')).toEqual([
      expect.objectContaining({ status: 'scheduled', changedFields: ['venueName', 'inviteeContactIds'], addedInviteeContactIds: [contactB], removedInviteeContactIds: [] }),
    ]);
    expect(of('meetings.evt.meeting.rescheduled.v1')[0]).toMatchObject({ inviteeContactIds: [contactA, contactB], inviteeOrganisationIds: [localGovOrg] });
    expect(of('meetings.evt.concern.recorded.v1').map((p) => p.sensitivity).sort()).toEqual(['confidential', 'public']);
    expect(of('meetings.evt.concern.updated.v1')[0]).toMatchObject({ concernId: confidentialId, changedFields: expect.arrayContaining(['answer']), replied: true });
    expect(of('meetings.evt.action.status-changed.v1').filter((p) => p.to === 'done')).toHaveLength(2);
    expect(of('meetings.evt.meeting.sign-in-sheet-attached.v1')[0]).toMatchObject({ mediaType: 'application/pdf', sizeBytes: file.length, replaced: false });
    expect(of('meetings.evt.minutes.approved.v1')[0]).toMatchObject({ summary: expect.objectContaining({ concernsTotal: 2, concernsBySensitivity: expect.objectContaining({ confidential: 1 }) }) });

    const everything = JSON.stringify(events);
    expect(everything).not.toContain('bribe');
    expect(everything).not.toContain('look into it');
    expect(everything).not.toContain('Focal point');
    expect(everything).not.toContain('Two concerns were raised');
  }, 60_000);
});
