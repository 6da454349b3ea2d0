import { MikroORM } from '@mikro-orm/postgresql';
import {
  ApplyPastReportingDayImportCmdV1,
  CreateMeetingCmdV1,
  DryRunPastReportingDayImportQryV1,
  ErrorCode,
  GetMeetingQryV1,
  GetSignInSheetChunkQryV1,
  GetSignInSheetQryV1,
  UploadSignInSheetChunkCmdV1,
  RecordPastReportingDayCmdV1,
  type Actor,
  type PastReportingDayInputRaw,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { createHash, randomUUID } from 'node:crypto';
import { COUNT_ONLY_TEXT } from '../src/history/past-reporting-day-rules';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const ngoIsfara: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const ngoBatken: Actor = { userId: 'u-ngo-batken', username: 'ngo.batken', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['batken'] } };
const police: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };

const row = (n: number) => ({ under18: 0, from18to29: n, from30to59: n, from60: 0 });
const tomorrow = () => new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);

describe('past reporting days (real PostgreSQL and NATS; ADR 35)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  const ctx = { correlationId: 'history-test' };

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
  const outboxOf = (meetingId: string) =>
    sql<{ subject: string; payload: Record<string, unknown> }>(`select subject, payload from outbox_message where payload->>'meetingId' = ? order by seq`, [meetingId]);
  const day = (over: Partial<PastReportingDayInputRaw> = {}): PastReportingDayInputRaw => ({
    communityId: randomUUID(),
    heldOn: '2024-05-14',
    organisedBy: 'police-ngo-facilitated',
    attendance: { counts: { women: row(4), men: row(5), other: row(0) } },
    concerns: [
      { topic: 'water-and-irrigation', sensitivity: 'public', count: 3 },
      { topic: 'border-guards', sensitivity: 'confidential', count: 1 },
    ],
    feedback: { usefulness: [0, 1, 2, 5, 4], trust: [0, 0, 3, 6, 3], contactPoliceFirst: { yes: 8, no: 4 } },
    ...over,
  });
  const record = (actor: Actor, input: PastReportingDayInputRaw) => rpc.request(RecordPastReportingDayCmdV1, actor, { input } as never, ctx);

  describe('one by one', () => {
    it('should record a closed meeting marked recordedAfterwards with its counts, and the events reporting counts, in lifecycle order', async () => {
      const input = day();
      const view = await record(ngoIsfara, input);
      expect(view).toMatchObject({ communityId: input.communityId, districtCode: 'isfara', heldOn: '2024-05-14', quarter: '2024-Q2', attendees: 18, concerns: 4, respondents: 12, recordedBy: ngoIsfara.userId });

      const meeting = await rpc.request(GetMeetingQryV1, police, { id: view.meetingId }, ctx);
      // Midday on 14 May 2024 in Dushanbe (UTC+5).
      expect(meeting).toMatchObject({ status: 'closed', recordedAfterwards: true, heldAt: '2024-05-14T07:00:00.000Z', quarter: '2024-Q2', organisedBy: 'police-ngo-facilitated' });
      expect(meeting.history.map((h) => h.to)).toEqual(['scheduled', 'held', 'closed']);

      const events = await outboxOf(view.meetingId);
      expect(events.map((e) => e.subject)).toEqual([
        'meetings.evt.meeting.scheduled.v1',
        'meetings.evt.meeting.held.v1',
        'meetings.evt.meeting.attendance-recorded.v1',
        ...Array(4).fill('meetings.evt.concern.recorded.v1'),
        'meetings.evt.meeting.feedback-recorded.v2',
        'meetings.evt.meeting.closed.v1',
      ]);
      expect(events[0].payload).toMatchObject({ recordedAfterwards: true, scheduledFor: '2024-05-14T07:00:00.000Z', quarter: '2024-Q2' });
      expect(events[1].payload).toMatchObject({ recordedAfterwards: true, heldAt: '2024-05-14T07:00:00.000Z' });
      expect(events.find((e) => e.subject.endsWith('feedback-recorded.v2'))?.payload).toMatchObject({ respondents: 12, usefulnessAverage: 4, contactPoliceFirstShare: 0.67 });
      expect(events.filter((e) => e.payload.sensitivity === 'confidential')).toHaveLength(1);

      const concerns = await sql<{ text: string; handler_ids: string[] }>('select text, handler_ids from concern where meeting_id = ?', [view.meetingId]);
      expect(concerns).toHaveLength(4);
      expect(new Set(concerns.map((c) => c.text))).toEqual(new Set([COUNT_ONLY_TEXT]));
      const responses = await sql<{ n: number; comments: number }>('select count(*)::int as n, count(comment)::int as comments from feedback_response where meeting_id = ?', [view.meetingId]);
      expect(responses).toEqual([{ n: 12, comments: 0 }]);
    });

    it('should refuse the same community and day twice, and keep the first', async () => {
      const input = day();
      await record(ngoIsfara, input);
      const again = await rpcError(record(ngoIsfara, { ...input, concerns: [] }), ErrorCode.Conflict);
      expect(again.payload.errors?.map((e) => e.field)).toEqual(['heldOn']);
      const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from past_reporting_day where community_id = ?', [input.communityId]);
      expect(n).toBe(1);
    });

    it('should refuse a day after today in the district (422) and write nothing', async () => {
      const input = day({ heldOn: tomorrow() });
      const refused = await rpcError(record(ngoIsfara, input), ErrorCode.Unprocessable);
      expect(refused.payload).toMatchObject({ reason: 'request.unprocessable', errors: [{ field: 'heldOn' }] });
      expect(await sql('select 1 from past_reporting_day where community_id = ?', [input.communityId])).toHaveLength(0);
    });

    it('should refuse survey counts that do not add up, and roles without history:record', async () => {
      const mismatch = await rpcError(record(ngoIsfara, day({ feedback: { usefulness: [0, 0, 0, 1, 1], trust: [0, 0, 0, 0, 1], contactPoliceFirst: { yes: 2, no: 0 } } })), ErrorCode.ValidationFailed);
      expect(mismatch.payload.errors?.map((e) => e.field)).toEqual(['feedback.trust']);
      await rpcError(record(police, day()), ErrorCode.Forbidden);
      // The stub's communities are all of Isfara: an NGO admin of Batken does not reach its district.
      await rpcError(record(ngoBatken, day()), ErrorCode.Forbidden);
    });
  });

  describe('minutes file', () => {
    const PDF = Buffer.from('%PDF-1.4\nminutes of 14 May 2024\n');
    const upload = (actor: Actor, meetingId: string) =>
      rpc.request(
        UploadSignInSheetChunkCmdV1,
        actor,
        {
          meetingId,
          document: 'minutes-file',
          uploadId: randomUUID(),
          index: 0,
          chunks: 1,
          data: PDF.toString('base64'),
          complete: { sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), mediaType: 'application/pdf' },
        },
        ctx,
      );

    it('should keep the minutes of a day recorded afterwards as a file, apart from its sign-in sheet, and audit each read', async () => {
      const { meetingId } = await record(ngoIsfara, day());
      await rpcError(rpc.request(GetSignInSheetQryV1, police, { meetingId, document: 'minutes-file' }, ctx), ErrorCode.NotFound);
      await rpcError(upload(police, meetingId), ErrorCode.Forbidden);
      const stored = await upload(ngoIsfara, meetingId);
      expect(stored.sheet).toMatchObject({ meetingId, mediaType: 'application/pdf', sizeBytes: PDF.length });
      const view = await rpc.request(GetSignInSheetQryV1, police, { meetingId, document: 'minutes-file' }, ctx);
      const chunk = await rpc.request(GetSignInSheetChunkQryV1, police, { meetingId, document: 'minutes-file', sha256: view.sha256, index: 0 }, ctx);
      expect(Buffer.from(chunk.data, 'base64')).toEqual(PDF);
      // Not a sign-in sheet, and not announced as one.
      await rpcError(rpc.request(GetSignInSheetQryV1, police, { meetingId }, ctx), ErrorCode.NotFound);
      expect((await outboxOf(meetingId)).filter((e) => e.subject.includes('sign-in-sheet'))).toHaveLength(0);
      const audits = await sql<{ n: number }>(`select count(*)::int as n from outbox_message where subject = 'audit.evt.entry.submitted.v1' and payload->>'action' = 'minutes-file:read' and payload->>'resourceId' = ?`, [meetingId]);
      expect(audits).toEqual([{ n: 1 }]);
    });

    it('should refuse a minutes file for a meeting that was not recorded afterwards (409)', async () => {
      const meeting = await rpc.request(
        CreateMeetingCmdV1,
        police,
        {
          input: {
            kind: 'local',
            communityIds: [randomUUID()],
            districtCode: 'isfara',
            title: 'A reporting day of today',
            startsAt: new Date(Date.now() + 3_600_000).toISOString(),
            durationMinutes: 120,
            venueName: 'School',
            venueType: 'school',
            organisedBy: 'police',
            inviteeContactIds: [],
            inviteeOrganisationIds: [],
          },
        } as never,
        ctx,
      );
      await rpcError(upload(ngoIsfara, meeting.id), ErrorCode.Conflict);
    });
  });

  describe('import', () => {
    const numbered = (rows: PastReportingDayInputRaw[]) => rows.map((data, i) => ({ row: i + 2, data }));

    it('should report every problem by row in a dry run and write nothing; apply is all or nothing', async () => {
      const recorded = day();
      await record(ngoIsfara, recorded);
      const good = day({ heldOn: '2023-02-10' });
      const rows = numbered([
        good,
        day({ heldOn: tomorrow() }),
        { ...recorded, concerns: [] },
        { ...good, concerns: [] },
        day({ concerns: [{ topic: 'theft', sensitivity: 'public', count: 1 }, { topic: 'theft', sensitivity: 'public', count: 2 }] }),
      ]);
      const before = await sql<{ n: number }>('select count(*)::int as n from past_reporting_day');
      const { errors } = await rpc.request(DryRunPastReportingDayImportQryV1, ngoIsfara, { rows } as never, ctx);
      expect(errors.map((e) => [e.row, e.field])).toEqual([
        [3, 'heldOn'],
        [4, 'heldOn'],
        [5, 'heldOn'],
        [6, 'concerns.1'],
      ]);
      expect(errors[2].message).toContain('row 2');
      const rejected = await rpc.request(ApplyPastReportingDayImportCmdV1, ngoIsfara, { rows } as never, ctx);
      expect(rejected).toMatchObject({ outcome: 'rejected' });
      expect(await sql<{ n: number }>('select count(*)::int as n from past_reporting_day')).toEqual(before);

      const applied = await rpc.request(ApplyPastReportingDayImportCmdV1, ngoIsfara, { rows: numbered([good, day({ heldOn: '2023-05-10', communityId: good.communityId })]) } as never, ctx);
      expect(applied).toMatchObject({ outcome: 'applied', created: [{ row: 2, heldOn: '2023-02-10' }, { row: 3, heldOn: '2023-05-10' }] });
      const days = await sql<{ held_on: string }>('select held_on::text from past_reporting_day where community_id = ? order by held_on', [good.communityId]);
      expect(days.map((d) => d.held_on)).toEqual(['2023-02-10', '2023-05-10']);
    });
  });
});
