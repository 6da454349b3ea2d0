import { MikroORM } from '@mikro-orm/postgresql';
import {
  AttendanceRecordedEvtV1,
  CreateMeetingCmdV1,
  ErrorCode,
  FeedbackRecordedEvtV2,
  GetAttendanceQryV1,
  GetFeedbackSummaryQryV1,
  RecordAttendanceCmdV1,
  RecordFeedbackCmdV1,
  TransitionMeetingCmdV1,
  type Actor,
  type AttendanceInput,
  type CreateMeetingInput,
  type FeedbackResponseInput,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const isfara = (userId: string, role: Actor['roles'][number]): Actor => ({ userId, username: userId, roles: [role], scope: { national: false, regions: [], districts: ['isfara'] } });
const police = isfara('u-police-isfara', 'police-officer');
const localGov = isfara('u-gov-isfara', 'local-government');
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const reviewerSughd: Actor = { userId: 'u-reviewer', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const place = { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' };

const row = (n: number) => ({ under18: n, from18to29: n, from30to59: n, from60: n });
const STAFF = randomUUID();
const ORG = randomUUID();
const SECRET_COMMENT = 'Comment-7c2e: the inspector never comes to our street';

describe('attendance and feedback (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  const ctx = { correlationId: 'attendance-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, orm } = harness);
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
    sql<{ payload: Record<string, unknown> }>(`select payload from outbox_message where subject = ? and payload->>'meetingId' = ? order by created_at`, [subject, meetingId]);

  const attendance = (over: Partial<AttendanceInput> = {}): AttendanceInput => ({
    counts: { women: row(3), men: row(2), other: row(0) },
    byCommunity: [],
    officials: [{ organisationId: ORG, count: 2 }],
    staffIntroducedContactIds: [STAFF],
    ...over,
  });

  async function meeting(status: 'draft' | 'held', over: Partial<CreateMeetingInput> = {}): Promise<string> {
    const created = await rpc.request(
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
          venueName: 'Field by the canal',
          venueType: 'open-air',
          organisedBy: 'police',
          inviteeContactIds: [],
          inviteeOrganisationIds: [],
          ...over,
        },
        place,
      },
      ctx,
    );
    if (status === 'held') {
      await rpc.request(TransitionMeetingCmdV1, police, { id: created.id, to: 'scheduled' }, ctx);
      await rpc.request(TransitionMeetingCmdV1, police, { id: created.id, to: 'held' }, ctx);
    }
    return created.id;
  }

  describe('attendance', () => {
    it('should be refused before the meeting is held', async () => {
      const draft = await meeting('draft');
      await rpcError(rpc.request(RecordAttendanceCmdV1, police, { meetingId: draft, attendance: attendance() }, ctx), ErrorCode.Conflict);
      expect(await outboxFor(AttendanceRecordedEvtV1.name, draft)).toHaveLength(0);
    });

    it('should record counts on a held meeting and announce counts only', async () => {
      const id = await meeting('held');
      const view = await rpc.request(RecordAttendanceCmdV1, police, { meetingId: id, attendance: attendance() }, ctx);
      expect(view).toMatchObject({ meetingId: id, total: 20, staffIntroducedContactIds: [STAFF] });
      expect(await rpc.request(GetAttendanceQryV1, localGov, { meetingId: id }, ctx)).toEqual(view);

      const [event] = await outboxFor(AttendanceRecordedEvtV1.name, id);
      expect(event.payload).toMatchObject({ meetingId: id, total: 20, organisationsPresent: 1, officialsPresent: 2, staffIntroduced: 1, counts: attendance().counts });
      const raw = JSON.stringify(event.payload);
      expect(raw).not.toContain(STAFF);
      expect(raw).not.toContain(ORG);

      // A correction replaces the row and announces again.
      const corrected = await rpc.request(RecordAttendanceCmdV1, police, { meetingId: id, attendance: attendance({ counts: { women: row(1), men: row(1), other: row(1) } }) }, ctx);
      expect(corrected.total).toBe(12);
      expect(await outboxFor(AttendanceRecordedEvtV1.name, id)).toHaveLength(2);
    });

    it('should refuse inconsistent counts, other districts and roles that do not hold meetings', async () => {
      const id = await meeting('held');
      const invalid = await rpcError(rpc.request(RecordAttendanceCmdV1, police, { meetingId: id, attendance: attendance({ byCommunity: [{ communityId: randomUUID(), attendees: 20 }] }) }, ctx), ErrorCode.ValidationFailed);
      expect(invalid.payload.errors?.map((e) => e.field)).toEqual(['byCommunity']);
      await rpcError(rpc.request(RecordAttendanceCmdV1, policeBatken, { meetingId: id, attendance: attendance() }, ctx), ErrorCode.NotFound);
      await rpcError(rpc.request(RecordAttendanceCmdV1, localGov, { meetingId: id, attendance: attendance() }, ctx), ErrorCode.Forbidden);
      await rpcError(rpc.request(GetAttendanceQryV1, policeBatken, { meetingId: id }, ctx), ErrorCode.NotFound);
      await rpcError(rpc.request(GetAttendanceQryV1, reviewerSughd, { meetingId: id }, ctx), ErrorCode.Forbidden);
      await rpcError(rpc.request(GetAttendanceQryV1, police, { meetingId: id }, ctx), ErrorCode.NotFound); // not recorded yet
    });

    it('should keep a meeting from closing until attendance is recorded', async () => {
      const id = await meeting('held');
      const refused = await rpcError(rpc.request(TransitionMeetingCmdV1, police, { id, to: 'closed' }, ctx), ErrorCode.InvalidTransition);
      expect(refused.payload.errors?.map((e) => e.field)).toContain('attendance');
      await rpc.request(RecordAttendanceCmdV1, police, { meetingId: id, attendance: attendance() }, ctx);
      const still = await rpc.request(TransitionMeetingCmdV1, police, { id, to: 'closed' }, ctx).then(
        () => null,
        (e: RpcError) => e,
      );
      // Whatever else a close still needs (approved minutes), attendance is no longer missing.
      expect(still?.payload.errors?.map((e) => e.field) ?? []).not.toContain('attendance');
    });
  });

  describe('feedback', () => {
    const response = (over: Partial<FeedbackResponseInput> = {}): FeedbackResponseInput => ({ usefulness: 4, trustInPolice: 3, wouldContactPoliceFirst: true, ...over });

    it('should be refused before the meeting is held', async () => {
      const draft = await meeting('draft');
      await rpcError(rpc.request(RecordFeedbackCmdV1, police, { meetingId: draft, responses: [response()] }, ctx), ErrorCode.Conflict);
    });

    it('should aggregate responses, suppress small groups for non-organisers and keep comments out of events', async () => {
      const id = await meeting('held');
      const batch = [
        ...[1, 2, 3, 4, 5].map((n) => response({ usefulness: n, gender: 'female', comment: n === 1 ? SECRET_COMMENT : undefined })),
        response({ usefulness: 5, trustInPolice: 5, wouldContactPoliceFirst: false, gender: 'male' }),
      ];
      expect(await rpc.request(RecordFeedbackCmdV1, police, { meetingId: id, responses: batch }, ctx)).toEqual({ meetingId: id, added: 6, total: 6 });
      expect(await rpc.request(RecordFeedbackCmdV1, police, { meetingId: id, responses: [response()] }, ctx)).toMatchObject({ added: 1, total: 7 });

      const events = await outboxFor(FeedbackRecordedEvtV2.name, id);
      expect(events).toHaveLength(2);
      expect(events[1].payload).toMatchObject({ added: 1, respondents: 7, contactPoliceFirstShare: 0.86 });
      for (const event of events) expect(JSON.stringify(event.payload)).not.toContain('Comment-7c2e');

      const organiser = await rpc.request(GetFeedbackSummaryQryV1, police, { meetingId: id }, ctx);
      expect(organiser.overall).toMatchObject({ n: 7, suppressed: false });
      expect(organiser.byGender.male).toMatchObject({ n: 1, suppressed: false, usefulnessAverage: 5 });
      expect(organiser.comments).toEqual([SECRET_COMMENT]);

      const government = await rpc.request(GetFeedbackSummaryQryV1, localGov, { meetingId: id }, ctx);
      expect(government.byGender.female).toMatchObject({ n: 5, suppressed: false, usefulnessAverage: 3 });
      expect(government.byGender.male).toEqual({ n: 1, suppressed: true, usefulnessAverage: null, trustAverage: null, contactPoliceFirstShare: null });

      await rpcError(rpc.request(GetFeedbackSummaryQryV1, reviewerSughd, { meetingId: id }, ctx), ErrorCode.Forbidden);
      await rpcError(rpc.request(GetFeedbackSummaryQryV1, policeBatken, { meetingId: id }, ctx), ErrorCode.NotFound);
    });
  });
});
