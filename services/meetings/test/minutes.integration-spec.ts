import { MikroORM } from '@mikro-orm/postgresql';
import {
  ApproveMinutesCmdV1,
  CreateMeetingCmdV1,
  ErrorCode,
  GetMinutesQryV1,
  ListMeetingsQryV1,
  ListMinutesVersionsQryV1,
  MINUTES_MAX_BYTES,
  MINUTES_VERSIONS_PAGE_BYTES,
  MinutesApprovedEvtV1,
  RecordAttendanceCmdV1,
  RecordConcernCmdV1,
  SaveMinutesCmdV1,
  TransitionMeetingCmdV1,
  UpdateConcernCmdV1,
  type Actor,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';
import { policeUnit } from './support/communities-stub';

/** The police unit the Isfara officer belongs to (the token's `organisation`), organising the meetings below. */
const ISFARA_UNIT = policeUnit();
const police: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] }, organisationId: ISFARA_UNIT };
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const localGov: Actor = { userId: 'u-lg', username: 'lg.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } };
const reviewer: Actor = { userId: 'u-reviewer', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const SECRET = 'My neighbour beats his wife every night near the canal';

describe('minutes (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  const ctx = { correlationId: 'minutes-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, orm } = harness);
  });
  afterAll(() => harness?.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
  async function rpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
    return error as RpcError;
  }

  async function heldMeeting(policeUnitId = ISFARA_UNIT): Promise<{ id: string; policeUnitId: string; ngoId: string }> {
    const ngoId = randomUUID();
    const meeting = await rpc.request(
      CreateMeetingCmdV1,
      police,
      {
        input: {
          kind: 'local',
          communityIds: [randomUUID()],
          districtCode: 'isfara',
          title: 'Reporting day',
          startsAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
          durationMinutes: 120,
          venueName: 'School',
          venueType: 'school',
          organisedBy: 'police-ngo-facilitated',
          policeUnitId,
          facilitatingOrganisationId: ngoId,
          inviteeContactIds: [],
          inviteeOrganisationIds: [],
        },
        place: { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' },
      },
      ctx,
    );
    await rpc.request(TransitionMeetingCmdV1, police, { id: meeting.id, to: 'scheduled' }, ctx);
    await rpc.request(TransitionMeetingCmdV1, police, { id: meeting.id, to: 'held' }, ctx);
    return { id: meeting.id, policeUnitId, ngoId };
  }

  const concern = (meetingId: string, sensitivity: 'public' | 'restricted' | 'confidential', text: string) =>
    rpc.request(
      RecordConcernCmdV1,
      police,
      { meetingId, concern: { topic: sensitivity === 'confidential' ? 'domestic-violence' : 'water-and-irrigation', sensitivity, text, answer: null, followUpNeeded: false, raiser: { gender: null, ageGroup: null }, handlerIds: sensitivity === 'confidential' ? [police.userId] : [] } },
      ctx,
    );

  it('should keep versions, refuse confidential text, approve once with one event, then lock', async () => {
    const meeting = await heldMeeting();
    await concern(meeting.id, 'public', 'The canal gate is broken since spring');
    await concern(meeting.id, 'restricted', 'Youth fights at the border bazaar');
    await concern(meeting.id, 'confidential', SECRET);

    const first = await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: '# Minutes\nDraft one', language: 'ru' } }, ctx);
    expect(first).toMatchObject({ status: 'draft', version: 1 });
    expect(first.concerns.bySensitivity).toEqual({ public: 1, restricted: 1, confidential: 1 });
    expect(JSON.stringify(first.concerns)).not.toContain('beats his wife');
    expect(JSON.stringify(first.concerns)).not.toContain('Youth fights');
    expect(JSON.stringify(first.concerns)).toContain('canal gate');

    const leak = await rpcError(
      rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: `Raised: ${SECRET.toUpperCase()}.`, language: 'ru' } }, ctx),
      ErrorCode.ValidationFailed,
    );
    expect(JSON.stringify(leak.payload)).not.toContain('beats');
    expect(leak.payload.errors?.[0]?.field).toBe('body');

    await rpcError(rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: 'stale', language: 'ru', expectedVersion: 0 } }, ctx), ErrorCode.Conflict);
    await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: '# Minutes\nDraft two', language: 'ru', expectedVersion: 1 } }, ctx);
    const versions = await rpc.request(ListMinutesVersionsQryV1, localGov, { meetingId: meeting.id }, ctx);
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);

    // Closing is refused while the minutes are not approved.
    const refused = await rpcError(rpc.request(TransitionMeetingCmdV1, police, { id: meeting.id, to: 'closed' }, ctx), ErrorCode.InvalidTransition);
    expect(refused.payload.errors?.map((e) => e.field)).toContain('minutes');

    await rpcError(rpc.request(ApproveMinutesCmdV1, localGov, { meetingId: meeting.id }, ctx), ErrorCode.Forbidden);
    await rpcError(rpc.request(ApproveMinutesCmdV1, policeBatken, { meetingId: meeting.id }, ctx), ErrorCode.NotFound);
    const approved = await rpc.request(ApproveMinutesCmdV1, police, { meetingId: meeting.id, expectedVersion: 2 }, ctx);
    expect(approved).toMatchObject({ status: 'approved', version: 2, approvedBy: police.userId });

    const events = await sql<{ payload: Record<string, unknown> }>(`select payload from outbox_message where subject = ? and payload->>'meetingId' = ?`, [MinutesApprovedEvtV1.name, meeting.id]);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      version: 2,
      districtCode: 'isfara',
      recipients: [
        { organisationId: meeting.policeUnitId, kind: 'police-unit' },
        { organisationId: meeting.ngoId, kind: 'facilitating-organisation' },
      ],
      summary: { concernsTotal: 3, concernsBySensitivity: { public: 1, restricted: 1, confidential: 1 }, topics: 2 },
      minutesPath: `/api/v1/meetings/${meeting.id}/minutes`,
    });
    const raw = JSON.stringify(events[0].payload);
    for (const text of ['Draft two', 'canal gate', 'Youth fights', 'beats his wife']) expect(raw).not.toContain(text);

    await rpcError(rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: 'late edit', language: 'ru' } }, ctx), ErrorCode.Conflict);
    await rpcError(rpc.request(ApproveMinutesCmdV1, police, { meetingId: meeting.id }, ctx), ErrorCode.Conflict);
    expect(await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).toMatchObject({ status: 'approved', body: '# Minutes\nDraft two' });

    // Attendance is the other close rule (src/attendance/).
    const row = { under18: 0, from18to29: 3, from30to59: 5, from60: 1 };
    await rpc.request(RecordAttendanceCmdV1, police, { meetingId: meeting.id, attendance: { counts: { women: row, men: row, other: row }, byCommunity: [], officials: [], staffIntroducedContactIds: [] } }, ctx);
    const closed = await rpc.request(TransitionMeetingCmdV1, police, { id: meeting.id, to: 'closed' }, ctx);
    expect(closed.status).toBe('closed');
  });

  it('should withhold every saved copy that quotes a concern raised later, and refuse restricted text', async () => {
    const meeting = await heldMeeting();
    const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
    const ngo: Actor = { userId: 'u-ngo', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
    const later = await concern(meeting.id, 'public', 'Her husband beats her when he comes home drunk');
    const restricted = await concern(meeting.id, 'restricted', 'Youth fights at the border bazaar every Friday');
    // Restricted text may not go into minutes that local government receives, nor a lightly edited copy of it.
    for (const body of ['Raised: youth fights at the border bazaar every Friday.', 'Raised: YOUTH   fights at the border-bazaar, every week']) {
      await rpcError(rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body, language: 'ru' } }, ctx), ErrorCode.ValidationFailed);
    }
    // Public when typed: allowed, in two versions.
    await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: 'Raised: her husband beats her when he comes home drunk.', language: 'ru' } }, ctx);
    await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: 'Raised: her husband beats her when he comes home, drunk!', language: 'ru' } }, ctx);
    expect((await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).body).toContain('beats her');
    // Then it turns out to be domestic violence: confidential, handled by the police officer.
    await rpc.request(UpdateConcernCmdV1, police, { id: later.id, patch: { sensitivity: 'confidential', handlerIds: [police.userId] } }, ctx);
    const current = await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx);
    expect(current).toMatchObject({ body: '', withheld: true, version: 2 });
    const versions = await rpc.request(ListMinutesVersionsQryV1, localGov, { meetingId: meeting.id }, ctx);
    expect(versions.items.map((v) => [v.version, v.body, v.withheld])).toEqual([[2, '', true], [1, '', true]]);
    expect(JSON.stringify(await rpc.request(ListMinutesVersionsQryV1, ngo, { meetingId: meeting.id }, ctx))).not.toContain('beats her');
    // Its handler and the coordinator still read it, so they can edit it out; approval is refused until they do.
    for (const reader of [police, coordinator]) {
      expect((await rpc.request(ListMinutesVersionsQryV1, reader, { meetingId: meeting.id }, ctx)).items.every((v) => v.body.includes('beats her') && !v.withheld)).toBe(true);
    }
    await rpcError(rpc.request(ApproveMinutesCmdV1, police, { meetingId: meeting.id }, ctx), ErrorCode.ValidationFailed);
    await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: 'One confidential concern was raised and handed to a case handler.', language: 'ru' } }, ctx);
    expect(await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).toMatchObject({ version: 3, body: 'One confidential concern was raised and handed to a case handler.' });
    expect((await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).withheld).toBeUndefined();
    expect(restricted.id).toBeDefined();
  });

  it('should hide minutes outside scope and from the regional reviewer', async () => {
    const meeting = await heldMeeting();
    await rpcError(rpc.request(GetMinutesQryV1, policeBatken, { meetingId: meeting.id }, ctx), ErrorCode.NotFound);
    await rpcError(rpc.request(GetMinutesQryV1, reviewer, { meetingId: meeting.id }, ctx), ErrorCode.Forbidden);
    await rpcError(rpc.request(SaveMinutesCmdV1, policeBatken, { meetingId: meeting.id, input: { body: 'x', language: 'ru' } }, ctx), ErrorCode.NotFound);
    expect(await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).toMatchObject({ status: 'none', version: 0 });
  });

  it('should let only the organising police unit, the facilitating NGO or the coordinator approve; a refusal changes nothing', async () => {
    const meeting = await heldMeeting(policeUnit());
    await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: '# Minutes\nAgreed', language: 'ru' } }, ctx);
    const scope = { national: false, regions: [], districts: ['isfara'] };
    const otherUnit: Actor = { ...police, userId: 'u-police-other-unit', organisationId: ISFARA_UNIT };
    const noOrganisation: Actor = { userId: 'u-police-none', username: 'police.none', roles: ['police-officer'], scope };
    const otherNgo: Actor = { userId: 'u-ngo-other', username: 'ngo.other', roles: ['ngo-admin'], scope, organisationId: randomUUID() };
    for (const actor of [otherUnit, noOrganisation, otherNgo]) {
      const refused = await rpcError(rpc.request(ApproveMinutesCmdV1, actor, { meetingId: meeting.id }, ctx), ErrorCode.Forbidden);
      expect(refused.payload).toMatchObject({ reason: 'minutes.approver-not-organiser', message: expect.stringContaining('organising police unit or its facilitating NGO') });
    }
    expect(await rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).toMatchObject({ status: 'draft', approvedBy: null });
    const events = () => sql(`select 1 from outbox_message where subject = ? and payload->>'meetingId' = ?`, [MinutesApprovedEvtV1.name, meeting.id]);
    expect(await events()).toHaveLength(0);
    expect((await sql<{ minutes_approved_at: unknown }>('select minutes_approved_at from meeting where id = ?', [meeting.id]))[0].minutes_approved_at).toBeNull();

    // A member of the organising unit approves.
    const member: Actor = { ...police, userId: 'u-police-member', organisationId: meeting.policeUnitId };
    expect(await rpc.request(ApproveMinutesCmdV1, member, { meetingId: meeting.id }, ctx)).toMatchObject({ status: 'approved', approvedBy: 'u-police-member' });
    expect(await events()).toHaveLength(1);

    // A member of the facilitating NGO, and the coordinator without any organisation, approve too.
    const ngoMember = (ngoId: string): Actor => ({ userId: 'u-ngo-member', username: 'ngo.isfara', roles: ['ngo-admin'], scope, organisationId: ngoId });
    const coordinator = (): Actor => ({ userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } });
    for (const approverOf of [ngoMember, coordinator]) {
      const next = await heldMeeting(policeUnit());
      await rpc.request(SaveMinutesCmdV1, police, { meetingId: next.id, input: { body: 'ok', language: 'ru' } }, ctx);
      const approver = approverOf(next.ngoId);
      expect(await rpc.request(ApproveMinutesCmdV1, approver, { meetingId: next.id }, ctx)).toMatchObject({ status: 'approved', approvedBy: approver.userId });
    }
  });

  it('should list the meetings whose draft minutes the reader may approve, in scope, and drop them once approved', async () => {
    const mine = await heldMeeting();
    const otherUnits = await heldMeeting(policeUnit());
    const undrafted = await heldMeeting();
    for (const meeting of [mine, otherUnits]) {
      await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: '# Minutes\nTo approve', language: 'ru' } }, ctx);
    }
    const awaiting = async (actor: Actor) => {
      const reply = await rpc.request(ListMeetingsQryV1, actor, { offset: 0, limit: 500, sort: 'startsAt', order: 'ASC', minutesAwaitingApproval: true }, ctx);
      expect(reply.total).toBe(reply.items.length);
      return reply.items.map((meeting) => meeting.id);
    };
    const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
    const ngoMember: Actor = { userId: 'u-ngo-member', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] }, organisationId: otherUnits.ngoId };

    const officers = await awaiting(police);
    expect(officers).toContain(mine.id);
    expect(officers).not.toContain(otherUnits.id);
    expect(officers).not.toContain(undrafted.id);
    expect(await awaiting(ngoMember)).toEqual([otherUnits.id]);
    expect(await awaiting(coordinator)).toEqual(expect.arrayContaining([mine.id, otherUnits.id]));
    expect(await awaiting(coordinator)).not.toContain(undrafted.id);
    // Reads minutes but approves none; the same unit in another district sees nothing of Isfara.
    expect(await awaiting(localGov)).toEqual([]);
    expect(await awaiting({ ...policeBatken, organisationId: ISFARA_UNIT })).toEqual([]);

    await rpc.request(ApproveMinutesCmdV1, police, { meetingId: mine.id }, ctx);
    expect(await awaiting(police)).not.toContain(mine.id);
  });

  it('should refuse to approve without a draft and emit nothing', async () => {
    const meeting = await heldMeeting();
    await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body: 'ok', language: 'ru' } }, ctx);
    // No draft → nothing approved, nothing emitted.
    const other = await heldMeeting();
    await rpcError(rpc.request(ApproveMinutesCmdV1, police, { meetingId: other.id }, ctx), ErrorCode.Conflict);
    const events = await sql(`select 1 from outbox_message where subject = ? and payload->>'meetingId' = ?`, [MinutesApprovedEvtV1.name, other.id]);
    expect(events).toHaveLength(0);
  });

  it('should page the versions so that 40 versions of 100 KB answer at once instead of outgrowing NATS max_payload', async () => {
    const meeting = await heldMeeting();
    const VERSIONS = Number(process.env.MINUTES_PAGING_VERSIONS ?? 40);
    for (let version = 1; version <= VERSIONS; version += 1) {
      const body = `# Minutes, draft ${version}\n${'Water, roads and the school were discussed at length. '.repeat(2000)}`.slice(0, MINUTES_MAX_BYTES);
      await rpc.request(SaveMinutesCmdV1, police, { meetingId: meeting.id, input: { body, language: 'en', expectedVersion: version - 1 } }, ctx);
    }
    // Without paging fields (as an older gateway asks): the default page, not every body in one message.
    let started = Date.now();
    const first = await rpc.request(ListMinutesVersionsQryV1, localGov, { meetingId: meeting.id }, ctx);
    const firstMs = Date.now() - started;
    expect(first.total).toBe(VERSIONS);
    expect(first.items.map((v) => v.version)).toEqual([40, 39, 38, 37, 36].slice(0, Math.min(5, VERSIONS)));
    expect(firstMs).toBeLessThan(2000);
    // The largest page asked for stops before one message would be too large; following the pages reads every version once.
    started = Date.now();
    const seen: number[] = [];
    while (seen.length < VERSIONS) {
      const page = await rpc.request(ListMinutesVersionsQryV1, localGov, { meetingId: meeting.id, offset: seen.length, limit: 25 }, ctx);
      expect(page.items.length).toBeGreaterThan(0);
      expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(MINUTES_VERSIONS_PAGE_BYTES + MINUTES_MAX_BYTES);
      seen.push(...page.items.map((v) => v.version));
    }
    expect(seen).toEqual(Array.from({ length: VERSIONS }, (_, i) => VERSIONS - i));
    process.stdout.write(`minutes versions: default page ${firstMs} ms, all ${VERSIONS} in ${Date.now() - started} ms\n`);
  }, 60_000);
});
