import { MikroORM } from '@mikro-orm/postgresql';
import {
  ApproveMinutesCmdV1,
  RecordAttendanceCmdV1,
  SaveMinutesCmdV1,
  CreateMeetingCmdV1,
  ErrorCode,
  eventStreamName,
  GetMeetingQryV1,
  ListMeetingsQryV1,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  prefixedSubject,
  TransitionMeetingCmdV1,
  UpdateMeetingCmdV1,
  type Actor,
  type CreateMeetingInput,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { eventually } from '@rd/testing';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const policeIsfara: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const localGovIsfara: Actor = { userId: 'u-lg', username: 'lg.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } };
const reviewerSughd: Actor = { userId: 'u-reviewer', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const isfara = { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' };

describe('meetings lifecycle (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let nc: NatsConnection;
  let orm: MikroORM;
  let prefix: string;
  const ctx = { correlationId: 'meetings-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, nc, orm, prefix } = harness);
  });

  afterAll(() => harness?.close());

  async function rpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
    return error as RpcError;
  }

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
  const outboxFor = (subject: string, meetingId: string) =>
    sql<{ id: string; payload: Record<string, unknown> }>(`select id, payload from outbox_message where subject = ? and payload->>'meetingId' = ? order by created_at`, [subject, meetingId]);

  const input = (over: Partial<CreateMeetingInput> = {}): CreateMeetingInput => ({
    kind: 'local',
    communityIds: [randomUUID()],
    districtCode: 'isfara',
    title: 'Reporting day, Khoja Alo',
    startsAt: '2026-12-31T20:00:00Z', // 01:00 on 1 January in Dushanbe
    durationMinutes: 120,
    venueName: 'School No. 5',
    venueType: 'school',
    organisedBy: 'police-ngo-facilitated',
    facilitatingOrganisationId: randomUUID(),
    inviteeContactIds: [randomUUID()],
    inviteeOrganisationIds: [],
    ...over,
  });

  describe('create', () => {
    it('should create a draft whose quarter follows the district time zone', async () => {
      const meeting = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      expect(meeting).toMatchObject({ status: 'draft', quarter: '2027-Q1', startsAt: '2026-12-31T20:00:00.000Z', startsAtLocal: '2027-01-01T01:00:00+05:00' });
      expect(meeting.allowedTransitions).toEqual(['scheduled', 'cancelled']);
      expect(await outboxFor(MeetingScheduledEvtV1.name, meeting.id)).toHaveLength(0);
    });

    it('should refuse a district outside the actor scope as FORBIDDEN', async () => {
      await rpcError(rpc.request(CreateMeetingCmdV1, policeBatken, { input: input(), place: isfara }, ctx), ErrorCode.Forbidden);
    });

    it('should refuse a role without meeting:plan', async () => {
      await rpcError(rpc.request(CreateMeetingCmdV1, localGovIsfara, { input: input(), place: isfara }, ctx), ErrorCode.Forbidden);
    });

    it('should require the facilitating organisation when an NGO facilitated', async () => {
      const error = await rpcError(
        rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input({ facilitatingOrganisationId: undefined }), place: isfara }, ctx),
        ErrorCode.ValidationFailed,
      );
      expect(error.payload.errors?.[0]?.field).toBe('facilitatingOrganisationId');
    });
  });

  describe('lifecycle', () => {
    it('should schedule, postpone, hold and close, writing each event with the change', async () => {
      const start = new Date(Date.now() + 60 * 60 * 1000).toISOString();
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input({ startsAt: start }), place: isfara }, ctx);

      const scheduled = await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'scheduled' }, ctx);
      expect(scheduled.status).toBe('scheduled');
      const [scheduledEvt] = await outboxFor(MeetingScheduledEvtV1.name, draft.id);
      expect(scheduledEvt?.payload).toEqual({
        meetingId: draft.id,
        communityIds: draft.communityIds,
        districtCode: 'isfara',
        scheduledFor: new Date(start).toISOString(),
        quarter: draft.quarter,
        // Optional fields added for notifications and reporting.
        regionCode: 'sughd',
        timeZone: 'Asia/Dushanbe',
        occurredAt: expect.any(String),
      });

      const newStart = new Date(Date.now() + 90 * 60 * 1000).toISOString();
      const postponed = await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'postponed', newStartsAt: newStart, reason: 'harvest' }, ctx);
      expect(postponed).toMatchObject({ status: 'postponed', startsAt: new Date(newStart).toISOString(), statusReason: 'harvest' });
      expect(postponed.history.map((h) => h.to)).toEqual(['scheduled', 'postponed']);
      expect(postponed.history[1]).toMatchObject({ previousStartsAt: new Date(start).toISOString(), newStartsAt: new Date(newStart).toISOString(), reason: 'harvest' });
      const [rescheduled] = await outboxFor(MeetingRescheduledEvtV1.name, draft.id);
      expect(rescheduled?.payload).toMatchObject({ previousStartsAt: new Date(start).toISOString(), scheduledFor: new Date(newStart).toISOString() });
      expect(JSON.stringify(rescheduled?.payload)).not.toContain('harvest'); // reasons never leave the service

      await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'held' }, ctx);
      expect(await outboxFor(MeetingHeldEvtV1.name, draft.id)).toHaveLength(1);
      // Closing needs attendance (src/attendance/) and approved minutes (src/minutes/).
      const row = { under18: 0, from18to29: 3, from30to59: 5, from60: 1 };
      await rpc.request(
        RecordAttendanceCmdV1,
        policeIsfara,
        { meetingId: draft.id, attendance: { counts: { women: row, men: row, other: row }, byCommunity: [], officials: [], staffIntroducedContactIds: [] } },
        ctx,
      );
      // Closing needs approved minutes (src/minutes/).
      await rpc.request(SaveMinutesCmdV1, policeIsfara, { meetingId: draft.id, input: { body: '# Minutes', language: 'ru' } }, ctx);
      // Approved by a member of the facilitating NGO (ADR 34).
      const ngoIsfara: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: policeIsfara.scope, organisationId: draft.facilitatingOrganisationId ?? undefined };
      await rpc.request(ApproveMinutesCmdV1, ngoIsfara, { meetingId: draft.id }, ctx);
      const closed = await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'closed' }, ctx);
      expect(closed).toMatchObject({ status: 'closed', allowedTransitions: [] });
      expect(closed.closedAt).not.toBeNull();
      expect(await outboxFor(MeetingClosedEvtV1.name, draft.id)).toHaveLength(1);

      // The relay publishes to the meetings stream.
      const jsm = await nc.jetstreamManager();
      await eventually(() => jsm.streams.getMessage(eventStreamName(prefix, 'meetings'), { last_by_subj: prefixedSubject(prefix, MeetingClosedEvtV1.name) }), 5000);
    });

    it('should refuse an illegal transition with the reason and write nothing', async () => {
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      const error = await rpcError(rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'held' }, ctx), ErrorCode.InvalidTransition);
      expect(error.payload.message).toContain('draft');
      expect(error.payload.reason).toBe('meeting.invalid-transition');
      const [{ count }] = await sql<{ count: string }>('select count(*) from meeting_status_change where meeting_id = ?', [draft.id]);
      expect(Number(count)).toBe(0);
      expect((await rpc.request(GetMeetingQryV1, policeIsfara, { id: draft.id }, ctx)).status).toBe('draft');
    });

    // Issue 16: a phone that held the meeting offline sends "held" later, with the real start the officer gave.
    it('should keep the real start given with held, in the meeting and its event, and refuse one in the future', async () => {
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input({ startsAt: new Date(Date.now() + 60 * 60 * 1000).toISOString() }), place: isfara }, ctx);
      await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'scheduled' }, ctx);
      const future = new Date(Date.now() + 30 * 60 * 1000).toISOString();
      const refused = await rpcError(rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'held', startedAt: future }, ctx), ErrorCode.InvalidTransition);
      expect(refused.payload.errors?.[0]?.field).toBe('startedAt');
      const startedAt = new Date(Math.floor((Date.now() - 10 * 60 * 1000) / 1000) * 1000).toISOString();
      const held = await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'held', startedAt }, ctx);
      expect([held.status, held.heldAt]).toEqual(['held', startedAt]);
      const [evt] = await outboxFor(MeetingHeldEvtV1.name, draft.id);
      expect(evt?.payload).toMatchObject({ meetingId: draft.id, heldAt: startedAt });
    });

    it('should cancel with a reason, and refuse a cancel without one', async () => {
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'scheduled' }, ctx);
      await rpcError(rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'cancelled' }, ctx), ErrorCode.InvalidTransition);
      const cancelled = await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'cancelled', reason: 'flood' }, ctx);
      expect(cancelled.status).toBe('cancelled');
      const [evt] = await outboxFor(MeetingCancelledEvtV1.name, draft.id);
      expect(evt?.payload).toMatchObject({ meetingId: draft.id, from: 'scheduled' });
      await rpcError(rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'scheduled' }, ctx), ErrorCode.InvalidTransition);
    });

    it('should answer writes and reads outside the scope as NOT_FOUND, like a meeting that does not exist', async () => {
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      await rpcError(rpc.request(TransitionMeetingCmdV1, policeBatken, { id: draft.id, to: 'scheduled' }, ctx), ErrorCode.NotFound);
      await rpcError(rpc.request(UpdateMeetingCmdV1, policeBatken, { id: draft.id, patch: { title: 'Taken over' } }, ctx), ErrorCode.NotFound);
      expect((await rpcError(rpc.request(GetMeetingQryV1, policeBatken, { id: draft.id }, ctx), ErrorCode.NotFound)).payload).toMatchObject({ reason: 'meeting.not-found', message: 'Meeting not found' });
      expect((await rpcError(rpc.request(GetMeetingQryV1, reviewerSughd, { id: draft.id }, ctx), ErrorCode.Forbidden)).payload.reason).toBe('auth.forbidden');
    });
  });

  describe('update', () => {
    it('should change a draft and move its quarter with the date', async () => {
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      const updated = await rpc.request(UpdateMeetingCmdV1, policeIsfara, { id: draft.id, patch: { startsAt: '2026-11-30T05:00:00Z', venueType: 'open-air', venueName: 'Field by the canal' } }, ctx);
      expect(updated).toMatchObject({ quarter: '2026-Q4', venueType: 'open-air', venueName: 'Field by the canal' });
    });

    it('should refuse moving the date of a scheduled meeting (postpone it instead)', async () => {
      const draft = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      await rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'scheduled' }, ctx);
      await rpcError(rpc.request(UpdateMeetingCmdV1, policeIsfara, { id: draft.id, patch: { startsAt: '2027-02-01T05:00:00Z' } }, ctx), ErrorCode.InvalidTransition);
      const renamed = await rpc.request(UpdateMeetingCmdV1, policeIsfara, { id: draft.id, patch: { title: 'Reporting day (joint)' } }, ctx);
      expect(renamed.title).toBe('Reporting day (joint)');
    });
  });

  describe('list', () => {
    it('should list within scope with filters by community, quarter, status and dates', async () => {
      const communityId = randomUUID();
      const a = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input({ communityIds: [communityId], startsAt: '2026-10-05T05:00:00Z' }), place: isfara }, ctx);
      await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input({ startsAt: '2026-10-06T05:00:00Z' }), place: isfara }, ctx);
      const base = { offset: 0, limit: 50, sort: 'startsAt', order: 'ASC' } as const;
      const byCommunity = await rpc.request(ListMeetingsQryV1, policeIsfara, { ...base, communityId }, ctx);
      expect(byCommunity.items.map((m) => m.id)).toEqual([a.id]);
      const byRange = await rpc.request(ListMeetingsQryV1, policeIsfara, { ...base, from: '2026-10-05T00:00:00Z', to: '2026-10-06T00:00:00Z', quarter: '2026-Q4', status: 'draft' }, ctx);
      expect(byRange.items.map((m) => m.id)).toEqual([a.id]);
      const other = await rpc.request(ListMeetingsQryV1, policeBatken, base, ctx);
      expect(other.total).toBe(0);
    });
  });
});

describe('meetings concurrency (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;

  beforeAll(async () => {
    harness = await startMeetingsHarness();
  });

  afterAll(() => harness?.close());

  it('should apply only one of two concurrent cancellations and write one event', async () => {
    const { rpc, orm } = harness;
    const ctx = { correlationId: 'meetings-concurrency' };
    const draft = await rpc.request(
      CreateMeetingCmdV1,
      policeIsfara,
      {
        input: {
          kind: 'local',
          communityIds: [randomUUID()],
          districtCode: 'isfara',
          title: 'Reporting day',
          startsAt: '2027-02-01T05:00:00Z',
          durationMinutes: 120,
          venueName: 'School',
          venueType: 'school',
          organisedBy: 'police',
          inviteeContactIds: [],
          inviteeOrganisationIds: [],
        },
        place: isfara,
      },
      ctx,
    );
    const results = await Promise.allSettled([
      rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'cancelled', reason: 'a' }, ctx),
      rpc.request(TransitionMeetingCmdV1, policeIsfara, { id: draft.id, to: 'cancelled', reason: 'b' }, ctx),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await orm.em.fork().getConnection().execute<{ count: string }[]>(
      `select count(*) from outbox_message where subject = ? and payload->>'meetingId' = ?`,
      [MeetingCancelledEvtV1.name, draft.id],
    );
    expect(Number(rows[0]?.count)).toBe(1);
  });
});
