import { MikroORM } from '@mikro-orm/postgresql';
import {
  AuditEntrySubmittedEvtV1,
  ConcernRecordedEvtV1,
  eventStreamName,
  GetConcernQryV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  type Actor,
  type RecordConcernInput,
} from '@rd/contracts';
import { ensureEventStream, RpcClient } from '@rd/messaging';
import { eventually } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import type { JetStreamManager } from 'nats';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const isfara = (userId: string, role: Actor['roles'][number]): Actor => ({ userId, username: userId, roles: [role], scope: { national: false, regions: [], districts: ['isfara'] } });
const recorder = isfara('u-ngo-isfara', 'ngo-admin');
const handler = isfara('u-police-handler', 'police-officer');
const c = (input: RecordConcernInput) => RecordConcernInputSchema.parse(input);

/**
 * Through the real meetings service and its outbox relay: audit records of confidential reads
 * fill a tiny audit stream, and the meetings events written after them still go out; once an operator raises the
 * limit, every waiting audit record follows, each once. Before: the 5 later concern events never left the outbox
 * (global order); without the room guard, 7 of the 12 audit records were trimmed from the stream (silent loss).
 */
describe('meetings events while the audit stream is full (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  let jsm: JetStreamManager;
  const ctx = { correlationId: 'full-audit-stream-test' };
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

  /** Nats-Msg-Id of every message in the stream (= outbox row ids). */
  async function msgIds(stream: string): Promise<string[]> {
    const info = await jsm.streams.info(stream);
    const ids: string[] = [];
    for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
      if (m) ids.push(m.header?.get('Nats-Msg-Id') ?? '');
    }
    return ids;
  }

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, orm } = harness);
    jsm = await harness.nc.jetstreamManager();
  });

  afterAll(() => harness?.close());

  it('should relay concern events while audit records wait for a full audit stream, and relay those once it has room', async () => {
    // ~5 audit records fit (each ~0.8 KiB stored).
    const auditStream = await ensureEventStream(jsm, harness.prefix, 'audit', { maxBytes: 4096 });
    const meetingsStream = eventStreamName(harness.prefix, 'meetings');
    const meetingId = randomUUID();
    await sql(
      `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at)
       values (?, 'local', 'Reporting day', 'isfara', 'sughd', 'Asia/Dushanbe', now(), '2026-Q4', 'School No. 3', 'school', 'police', 'held', 'seed', now(), now())`,
      [meetingId],
    );
    const confidential = await rpc.request(
      RecordConcernCmdV1,
      recorder,
      { meetingId, concern: c({ topic: 'border-guards', sensitivity: 'confidential', text: 'Passport taken', handlerIds: [handler.userId] }) },
      ctx,
    );
    // Every read of the confidential concern is audited: more records than the audit stream holds.
    const reads = 12;
    for (let i = 0; i < reads; i++) await rpc.request(GetConcernQryV1, handler, { id: confidential.id }, ctx);
    // Written after those audit records, in the same service and the same outbox.
    const later: string[] = [];
    for (let i = 0; i < 5; i++) {
      later.push((await rpc.request(RecordConcernCmdV1, recorder, { meetingId, concern: c({ topic: 'water-and-irrigation', text: `Canal ${i}` }) }, ctx)).id);
    }
    const laterEvents = await sql<{ id: string }>(`select id from outbox_message where subject = ? and payload->>'concernId' in (${later.map(() => '?').join(', ')})`, [
      ConcernRecordedEvtV1.name,
      ...later,
    ]);
    expect(laterEvents).toHaveLength(5);
    const auditIds = (await sql<{ id: string }>('select id from outbox_message where subject = ?', [AuditEntrySubmittedEvtV1.name])).map((r) => r.id);
    expect(auditIds).toHaveLength(reads);

    await eventually(async () => expect(await msgIds(meetingsStream)).toEqual(expect.arrayContaining(laterEvents.map((e) => e.id))), 15_000);
    const waiting = await sql<{ n: number }>('select count(*)::int as n from outbox_message where subject = ? and published_at is null', [AuditEntrySubmittedEvtV1.name]);
    const stored = await msgIds(auditStream);
    console.log(`full audit stream: ${stored.length} of ${reads} audit records stored, ${waiting[0].n} waiting in the outbox; the 5 later concern events relayed`);
    expect(waiting[0].n).toBeGreaterThan(0);
    // Nothing was trimmed from the full stream: nats-server 2.9 drops the OLDEST messages when a publish squeezes in
    // at the edge of max_bytes, even with discard: new (the relay's room guard keeps out of that edge).
    expect((await jsm.streams.info(auditStream)).state.first_seq).toBe(1);
    expect(stored.length + waiting[0].n).toBe(reads);

    const info = await jsm.streams.info(auditStream);
    await jsm.streams.update(auditStream, { ...info.config, max_bytes: 1024 * 1024 });
    await eventually(async () => expect((await msgIds(auditStream)).sort()).toEqual([...auditIds].sort()), 15_000);
    expect(await sql('select id from outbox_message where published_at is null')).toEqual([]);
  });
});
