import type { MikroORM } from '@mikro-orm/postgresql';
import { defineEvent, eventStreamName } from '@rd/contracts';
import { OutboxRelay, recordEvent, type RelayedMessage } from '@rd/persistence';
import { createTestDatabase, eventually, startPrivateNats, testSubjectPrefix, type PrivateNats, type TestDatabase } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { connect, DiscardPolicy, nanos, type JetStreamManager, type NatsConnection } from 'nats';
import { z } from 'zod';
import {
  allStreamNames,
  applyProductionStreamLimits,
  ensureEventStream,
  guardedJetStreamPublisher,
  isStreamFull,
  PRODUCTION_STREAM_LIMITS,
  jetStreamPublisher,
  publishFailureScope,
  StreamCapacityMonitor,
  streamUsage,
} from '../src';
import { countRows, initWidgetOrm, memoryLogger, readStream } from './support/widget';

// Test-only events: one on the audit stream, one on the communities stream; both keyed by `communityId`
// (aggregate-key.ts), so each community is one aggregate whose events must stay in order.
const NotedEvtV1 = defineEvent({
  name: 'audit.evt.widget.noted.v1',
  owner: 'audit',
  description: 'Test-only audit-stream event.',
  schema: z.object({ communityId: z.string().uuid().describe('Aggregate'), n: z.number().int().describe('Order'), pad: z.string().describe('Size') }).strict(),
});
const ChangedEvtV1 = defineEvent({
  name: 'communities.evt.widget.changed.v1',
  owner: 'communities',
  description: 'Test-only communities-stream event.',
  schema: z.object({ communityId: z.string().uuid().describe('Aggregate'), n: z.number().int().describe('Order'), pad: z.string().describe('Size') }).strict(),
});

type Def = typeof NotedEvtV1 | typeof ChangedEvtV1;

/**
 * A stream that refuses (full, `discard: new`) must not hold up the other streams, and nothing is
 * lost, doubled or reordered within an aggregate once it has room again. A PRIVATE nats-server with tiny limits.
 */
describe('outbox relay with a full stream (private nats-server)', () => {
  let nats: PrivateNats;
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    nats = await startPrivateNats();
    db = await createTestDatabase('messaging_full_stream');
    orm = await initWidgetOrm(db);
    nc = await connect({ servers: nats.url, name: 'full-stream-test' });
    jsm = await nc.jetstreamManager();
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await orm.em.fork().getConnection().execute('delete from "outbox_message"');
  });

  afterAll(async () => {
    await nc?.close();
    await nats?.stop();
    await orm?.close(true);
    await db?.drop();
  });

  /** One transaction per event, like one request each; resolves with the outbox row id. */
  async function write(def: Def, communityId: string, n: number, pad = 'x'.repeat(200)): Promise<string> {
    return orm.em.fork().transactional(async (tx) => recordEvent(tx, def, { communityId, n, pad } as never, `corr-${n}`).id);
  }

  async function startRelay(prefix: string) {
    const logger = memoryLogger();
    const publish = jetStreamPublisher(nc.jetstream(), prefix, 1000);
    const calls: string[] = [];
    const relay = new OutboxRelay({
      orm,
      databaseUrl: db.url,
      pollIntervalMs: 100,
      batchSize: 10,
      logger,
      classifyFailure: publishFailureScope,
      backoff: { initialMs: 100, streamMaxMs: 300 },
      publish: (message: RelayedMessage) => {
        calls.push(message.id);
        return publish(message);
      },
    });
    await relay.start();
    stops.push(() => relay.stop());
    return { relay, calls, logger };
  }

  /** n values per community, in stream order; and every Nats-Msg-Id in the stream. */
  async function streamContents(stream: string) {
    const stored = await readStream(jsm, stream);
    const perAggregate = new Map<string, number[]>();
    for (const m of stored) {
      const { communityId, n } = JSON.parse(m.data) as { communityId: string; n: number };
      perAggregate.set(communityId, [...(perAggregate.get(communityId) ?? []), n]);
    }
    return { ids: stored.map((m) => m.msgId as string), perAggregate };
  }

  const unpublished = (subject: string) =>
    countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null and subject = ?', [subject]);

  it('should keep relaying other streams while the audit stream is full, then publish the refused rows once each, in order per aggregate, when it has room', async () => {
    const prefix = testSubjectPrefix();
    const auditStream = await ensureEventStream(jsm, prefix, 'audit', { maxBytes: 4096 });
    const communitiesStream = await ensureEventStream(jsm, prefix, 'communities');
    expect(auditStream).toBe(eventStreamName(prefix, 'audit'));
    const { relay, calls, logger } = await startRelay(prefix);

    // Interleaved, as a service writes them: audit records first in the outbox, then domain events behind them.
    const auditCommunities = [randomUUID(), randomUUID()];
    const domainCommunities = [randomUUID(), randomUUID(), randomUUID()];
    const rows = 8;
    const written = new Map<string, string[]>();
    for (let n = 0; n < rows; n++) {
      for (const c of auditCommunities) written.set(c, [...(written.get(c) ?? []), await write(NotedEvtV1, c, n)]);
      for (const c of domainCommunities) written.set(c, [...(written.get(c) ?? []), await write(ChangedEvtV1, c, n)]);
    }
    const auditIds = auditCommunities.flatMap((c) => written.get(c) ?? []);
    const domainIds = domainCommunities.flatMap((c) => written.get(c) ?? []);

    // The audit stream fills (~470 bytes a message: 8 fit in 4 KiB) and refuses the rest...
    await eventually(async () => expect(await unpublished(ChangedEvtV1.name)).toBe(0), 15_000);
    const full = await streamUsage(jsm, auditStream);
    const refusedWhileFull = await unpublished(NotedEvtV1.name);
    console.log(
      `full stream: audit stream ${full.bytes}/${full.maxBytes} bytes (${(full.fraction * 100).toFixed(0)} %), ` +
        `${full.messages} of ${auditIds.length} audit rows stored, ${refusedWhileFull} waiting in the outbox; ` +
        `all ${domainIds.length} domain events relayed meanwhile; held back: ${JSON.stringify(relay.heldBack().map((b) => b.name))}`,
    );
    expect(refusedWhileFull).toBeGreaterThan(0);
    expect(full.level).not.toBe('ok');
    // ...while every domain event behind those audit rows went out, in order per community.
    const domain = await streamContents(communitiesStream);
    expect(new Set(domain.ids)).toEqual(new Set(domainIds));
    for (const c of domainCommunities) expect(domain.perAggregate.get(c)).toEqual([...Array(rows).keys()]);
    expect(logger.lines.some((l) => l.startsWith('WARN') && l.includes('stream "audit" refused'))).toBe(true);

    // The capacity monitor says so before (and when) the stream refuses.
    const monitorLog = memoryLogger();
    const usages = await new StreamCapacityMonitor({ jsm, streams: [auditStream, communitiesStream], logger: monitorLog }).check();
    expect(usages.map((u) => u.stream)).toEqual([auditStream, communitiesStream]);
    expect(monitorLog.lines.some((l) => l.includes(auditStream) && /full/.test(l))).toBe(true);
    expect(monitorLog.lines.some((l) => l.includes(communitiesStream))).toBe(false);

    // An operator raises the limit (docs/runbooks/streams.md): the refused rows follow, none lost or doubled.
    const info = await jsm.streams.info(auditStream);
    await jsm.streams.update(auditStream, { ...info.config, max_bytes: 1024 * 1024 });
    await eventually(async () => expect(await unpublished(NotedEvtV1.name)).toBe(0), 15_000);
    const audit = await streamContents(auditStream);
    expect(audit.ids).toHaveLength(auditIds.length);
    expect(new Set(audit.ids)).toEqual(new Set(auditIds));
    for (const c of auditCommunities) expect(audit.perAggregate.get(c)).toEqual([...Array(rows).keys()]);
    // Each row sent once per refusal at most: the refused ones were retried, the others never repeated.
    expect(calls.filter((id) => domainIds.includes(id))).toHaveLength(domainIds.length);
    expect(relay.heldBack()).toEqual([]);
  });

  it('should hold back only the aggregate of a message the stream refuses as such, and keep its order', async () => {
    const prefix = testSubjectPrefix();
    const stream = await ensureEventStream(jsm, prefix, 'communities', { maxMsgSize: 600 });
    const { logger } = await startRelay(prefix);
    const [stuck, other] = [randomUUID(), randomUUID()];

    const tooBig = await write(ChangedEvtV1, stuck, 0, 'x'.repeat(2000));
    const behindIt = await write(ChangedEvtV1, stuck, 1);
    const others = [await write(ChangedEvtV1, other, 0), await write(ChangedEvtV1, other, 1)];

    await eventually(async () => expect((await streamContents(stream)).perAggregate.get(other)).toEqual([0, 1]), 10_000);
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<{ attempts: number; last_error: string }[]>('select attempts, last_error from "outbox_message" where id = ?', [tooBig]);
    expect(row.attempts).toBeGreaterThan(0);
    expect(row.last_error).toMatch(/message size exceeds maximum/i);
    // The stuck aggregate's next event waits behind it: never reordered, never dropped.
    expect(await countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null and id in (?, ?)', [tooBig, behindIt])).toBe(2);
    expect((await streamContents(stream)).ids.sort()).toEqual([...others].sort());
    // Held back as a message (its aggregate), not as a stream.
    expect(logger.lines.some((l) => l.includes(`aggregate "community:${stuck}" refused`))).toBe(true);
    expect(logger.lines.some((l) => l.includes('stream "communities" refused'))).toBe(false);
  });

  it('should classify JetStream refusals', async () => {
    expect(publishFailureScope({ code: 'MAX_PAYLOAD_EXCEEDED', message: 'MAX_PAYLOAD_EXCEEDED' })).toBe('message');
    expect(publishFailureScope({ code: '503', api_error: { code: 503, err_code: 10077, description: 'maximum bytes exceeded' } })).toBe('stream');
    expect(isStreamFull({ code: '503', api_error: { code: 503, err_code: 10077, description: 'maximum bytes exceeded' } })).toBe(true);
    expect(publishFailureScope(new Error('TIMEOUT'))).toBe('stream');
  });

  it('should bring every stream to the production limits as an operator runs it, never lowering one', async () => {
    const prefix = testSubjectPrefix();
    // Scaled down: the private server cannot reserve the production sizes (a stream reserves its max_bytes).
    const MiB = 1024 * 1024;
    const limits = Object.fromEntries(
      Object.entries(PRODUCTION_STREAM_LIMITS).map(([k, v]) => [k, { ...v, maxBytes: Math.round(v.maxBytes / 4096) }]),
    ) as unknown as typeof PRODUCTION_STREAM_LIMITS;
    expect(limits.meetings.maxBytes).toBe(16 * MiB);
    // As a development default left it: small; and one someone set to drop old events after a week.
    await ensureEventStream(jsm, prefix, 'meetings', { maxBytes: MiB });
    await ensureEventStream(jsm, prefix, 'communities', { maxBytes: 512 * MiB });
    await jsm.streams.add({ name: eventStreamName(prefix, 'audit'), subjects: [`${prefix}.audit.evt.>`], discard: DiscardPolicy.Old, max_age: nanos(7 * 24 * 3600 * 1000), max_bytes: MiB });

    const planned = await applyProductionStreamLimits(jsm, prefix, { limits });
    const byStream = Object.fromEntries(planned.map((c) => [c.stream, c]));
    expect(byStream[eventStreamName(prefix, 'meetings')]).toMatchObject({ action: 'update', changes: expect.arrayContaining([`max_bytes ${MiB} -> ${16 * MiB}`]) });
    // 512 MiB is more than the table's 1 MiB: never lowered (only its duplicate window is raised).
    expect(byStream[eventStreamName(prefix, 'communities')].changes).toEqual([`duplicate_window ${nanos(120_000)} -> ${nanos(3600 * 1000)}`]);
    expect(byStream[eventStreamName(prefix, 'audit')].changes.join()).toMatch(/discard old -> new.*max_age/);
    expect(byStream[eventStreamName(prefix, 'notifications')]).toMatchObject({ action: 'create' });
    // A dry run changes nothing.
    expect((await jsm.streams.info(eventStreamName(prefix, 'meetings'))).config.max_bytes).toBe(MiB);

    await applyProductionStreamLimits(jsm, prefix, { limits, apply: true });
    const meetings = (await jsm.streams.info(eventStreamName(prefix, 'meetings'))).config;
    expect(meetings).toMatchObject({ max_bytes: 16 * MiB, discard: DiscardPolicy.New, duplicate_window: nanos(3600 * 1000) });
    const audit = (await jsm.streams.info(eventStreamName(prefix, 'audit'))).config;
    expect(audit).toMatchObject({ discard: DiscardPolicy.New, max_age: 0, max_bytes: 16 * MiB });
    const again = await applyProductionStreamLimits(jsm, prefix, { limits });
    expect(again.map((c) => c.action)).toEqual(allStreamNames(prefix).map(() => 'keep'));
    expect((await streamUsage(jsm, `${prefix.toUpperCase()}_NOPE`)).exists).toBe(false);
  });

  it('should keep the guarded publisher out of the edge where nats-server trims the oldest events despite discard: new', async () => {
    // nats-server 2.9 checks discard: new against payload and headers, but stores subject and record too and then
    // trims to max_bytes from the OLDEST end. Whether a limit hits that edge depends on sizes: try a range of limits.
    const community = randomUUID();
    const event = (n: number) => ({ id: randomUUID(), subject: ChangedEvtV1.name, payload: { communityId: community, n, pad: '' }, correlationId: 'c', occurredAt: new Date(), aggregateKey: '' });
    const results: Array<{ maxBytes: number; rawTrimmed: number; guardedTrimmed: number; guardedRefused: number }> = [];
    for (let maxBytes = 2000; maxBytes < 2400; maxBytes += 20) {
      const prefix = testSubjectPrefix();
      const stream = await ensureEventStream(jsm, prefix, 'communities', { maxBytes });
      const raw = jetStreamPublisher(nc.jetstream(), prefix, 1000);
      for (let n = 0; n < 15; n++) await raw(event(n)).catch(() => undefined);
      const rawState = (await jsm.streams.info(stream)).state;
      await jsm.streams.purge(stream);
      const guarded = guardedJetStreamPublisher(nc.jetstream(), jsm, prefix, { timeoutMs: 1000 });
      const refusals: unknown[] = [];
      for (let n = 0; n < 15; n++) await guarded(event(n)).catch((e: unknown) => refusals.push(e));
      const guardedState = (await jsm.streams.info(stream)).state;
      expect(refusals.every((e) => isStreamFull(e) && publishFailureScope(e) === 'stream')).toBe(true);
      results.push({
        maxBytes,
        rawTrimmed: rawState.first_seq - 1,
        guardedTrimmed: guardedState.first_seq - (rawState.last_seq + 1),
        guardedRefused: refusals.length,
      });
      await jsm.streams.delete(stream);
    }
    const trimming = results.filter((r) => r.rawTrimmed > 0);
    console.log(`discard-new edge: the raw publisher lost the oldest events at ${trimming.length} of ${results.length} limits (e.g. ${JSON.stringify(trimming[0])}); the guarded one at none`);
    expect(trimming.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.guardedTrimmed !== 0)).toEqual([]);
    expect(results.every((r) => r.guardedRefused > 0)).toBe(true);
  });
});
