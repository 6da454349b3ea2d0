import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxRelay, type RelayedMessage } from '@rd/persistence';
import {
  createTestDatabase,
  eventually,
  startPrivateNats,
  testSubjectPrefix,
  type PrivateNats,
  type TestDatabase,
} from '@rd/testing';
import { connect, type NatsConnection } from 'nats';
import { ensureEventStream, EventConsumer, jetStreamPublisher } from '../src';
import {
  applyWidgetEffect,
  countRows,
  createWidget,
  initWidgetOrm,
  memoryLogger,
  readStream,
  WidgetCreatedEvtV1,
} from './support/widget';

/**
 * Fault tests on a PRIVATE nats-server (random port, own store dir), killed and restarted by PID.
 * Ledger, as in Jepsen: every write the database acknowledged must reach the stream once and be applied once.
 */
describe('outbox → JetStream → consumer across a NATS outage (private nats-server)', () => {
  let nats: PrivateNats;
  let db: TestDatabase;
  let orm: MikroORM;
  const connections: NatsConnection[] = [];
  const stops: Array<() => Promise<void>> = [];

  // Services reconnect forever: a broker restart must not take them down.
  async function connectForever(name: string): Promise<NatsConnection> {
    const nc = await connect({ servers: nats.url, name, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    connections.push(nc);
    return nc;
  }

  /** Relay (producer service) and durable consumer (consuming service), each on its own connection. */
  async function startPipeline() {
    const prefix = testSubjectPrefix();
    const logger = memoryLogger();
    const admin = await connectForever('test-admin');
    const jsm = await admin.jetstreamManager();
    const stream = await ensureEventStream(jsm, prefix, 'communities');

    const relayNc = await connectForever('communities-events');
    const publish = jetStreamPublisher(relayNc.jetstream(), prefix, 1000);
    const publishCalls: string[] = [];
    const relay = new OutboxRelay({
      orm,
      databaseUrl: db.url,
      pollIntervalMs: 250,
      logger,
      publish: (message: RelayedMessage) => {
        publishCalls.push(message.id);
        return publish(message);
      },
    });
    await relay.start();

    const deliveries: Array<{ id: string; applied: boolean }> = [];
    const consumer = new EventConsumer({
      nc: await connectForever('reporting-events'),
      prefix,
      service: 'reporting',
      event: WidgetCreatedEvtV1,
      ackWaitMs: 2000,
      maxDeliver: 50,
      retryDelayMs: () => 200,
      logger,
      handle: async (payload, meta) => {
        deliveries.push({ id: meta.messageId, applied: await applyWidgetEffect(orm, payload, meta) });
      },
    });
    await consumer.start();
    stops.push(() => consumer.stop(), () => relay.stop());
    return { prefix, stream, jsm, relay, consumer, publishCalls, deliveries, logger };
  }

  async function ledger(pipeline: Awaited<ReturnType<typeof startPipeline>>, acknowledged: string[]) {
    const stored = await readStream(pipeline.jsm, pipeline.stream);
    const effects = await orm.em
      .fork()
      .getConnection()
      .execute<{ message_id: string; n: string }[]>(
        'select message_id, count(*) as n from "widget_effect" where consumer = ? group by message_id',
        [pipeline.consumer.durable],
      );
    const applied = new Map(effects.map((e) => [e.message_id, Number(e.n)]));
    const streamIds = new Set(stored.map((m) => m.msgId));
    return {
      acknowledged: acknowledged.length,
      outbox: await countRows(orm, 'select count(*) as n from "outbox_message"'),
      unpublished: await countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null'),
      stream: stored.length,
      streamDistinct: streamIds.size,
      applied: applied.size,
      lost: acknowledged.filter((id) => !streamIds.has(id) || !applied.has(id)).length,
      doubled: [...applied.values()].filter((n) => n > 1).length,
      publishCalls: pipeline.publishCalls.length,
      deliveries: pipeline.deliveries.length,
      redeliveriesAbsorbedByInbox: pipeline.deliveries.filter((d) => !d.applied).length,
    };
  }

  const unpublished = () => countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null');
  const appliedCount = (durable: string) =>
    countRows(orm, 'select count(distinct message_id) as n from "widget_effect" where consumer = ?', [durable]);

  const settled = (pipeline: Awaited<ReturnType<typeof startPipeline>>) =>
    eventually(async () => {
      const info = await pipeline.jsm.consumers.info(pipeline.stream, pipeline.consumer.durable);
      expect({ ackPending: info.num_ack_pending, pending: info.num_pending }).toEqual({ ackPending: 0, pending: 0 });
    }, 20_000);

  beforeAll(async () => {
    nats = await startPrivateNats();
    db = await createTestDatabase('messaging_nats_outage');
    orm = await initWidgetOrm(db);
  });

  beforeEach(async () => {
    await orm.em
      .fork()
      .getConnection()
      .execute('delete from "outbox_message"; delete from "inbox_message"; delete from "widget_effect"; delete from "widget"');
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await Promise.all(connections.splice(0).map((nc) => nc.close()));
  });

  afterAll(async () => {
    // The private server and its store dir (with every stream of this suite) are deleted together.
    await nats?.stop();
    await orm?.close(true);
    await db?.drop();
  });

  it('should deliver events written while NATS was down (kill -9) once it is back, each exactly once', async () => {
    const pipeline = await startPipeline();
    const acknowledged: string[] = [];

    // Warm-up: the pipeline works before the fault.
    for (let i = 0; i < 5; i++) acknowledged.push(await createWidget(orm, `before-${i}`));
    await eventually(async () => expect((await ledger(pipeline, acknowledged)).applied).toBe(5), 10_000);

    await nats.kill('SIGKILL');

    // Writes only touch PostgreSQL: they succeed while the broker is gone.
    const k = 50;
    const writeStarted = Date.now();
    for (let i = 0; i < k; i += 10) {
      acknowledged.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => createWidget(orm, `during-${i + j}`)))));
    }
    const writeMs = Date.now() - writeStarted;
    // The relay really tried (and failed) to publish during the outage.
    await eventually(async () => {
      expect(await countRows(orm, 'select coalesce(max(attempts), 0) as n from "outbox_message"')).toBeGreaterThan(0);
    }, 10_000);
    expect(await unpublished()).toBe(k);

    const restartedAt = Date.now();
    await nats.restart();
    const serverUpMs = Date.now() - restartedAt;
    // Timed from the database only: the relay marks a row once JetStream acked it, the consumer commits its effect.
    await eventually(async () => expect(await unpublished()).toBe(0), 30_000);
    const publishedMs = Date.now() - restartedAt;
    await eventually(async () => expect(await appliedCount(pipeline.consumer.durable)).toBe(k + 5), 30_000);
    const recoveredMs = Date.now() - restartedAt;
    await settled(pipeline);

    const result = await ledger(pipeline, acknowledged);
    console.log(
      `NATS kill -9 ledger: ${JSON.stringify(result)}; ${k} writes during outage took ${writeMs} ms; ` +
        `server up ${serverUpMs} ms after restart, outbox relayed after ${publishedMs} ms, all applied after ${recoveredMs} ms`,
    );
    expect(result).toMatchObject({
      acknowledged: k + 5,
      outbox: k + 5,
      unpublished: 0,
      stream: k + 5,
      streamDistinct: k + 5,
      applied: k + 5,
      lost: 0,
      doubled: 0,
    });
  });

  it('should publish each event once when NATS freezes (SIGSTOP) mid-publishing and resumes (SIGCONT)', async () => {
    const pipeline = await startPipeline();
    const acknowledged: string[] = [];
    const k = 50;

    // Writes keep coming; the broker freezes part-way through, so publishes time out with their bytes in flight.
    const writing = (async () => {
      for (let i = 0; i < k; i++) {
        acknowledged.push(await createWidget(orm, `w-${i}`));
        if (i === 10) await nats.kill('SIGSTOP');
      }
    })();
    await writing;
    // The relay timed out at least once, and so will re-send rows the frozen server may already hold.
    await eventually(async () => {
      expect(await countRows(orm, 'select coalesce(max(attempts), 0) as n from "outbox_message"')).toBeGreaterThan(0);
    }, 10_000);

    const resumedAt = Date.now();
    await nats.kill('SIGCONT');
    await eventually(async () => expect(await unpublished()).toBe(0), 30_000);
    const publishedMs = Date.now() - resumedAt;
    await eventually(async () => expect(await appliedCount(pipeline.consumer.durable)).toBe(k), 30_000);
    const recoveredMs = Date.now() - resumedAt;
    await settled(pipeline);

    const result = await ledger(pipeline, acknowledged);
    console.log(
      `NATS SIGSTOP/SIGCONT ledger: ${JSON.stringify(result)}; ` +
        `outbox relayed ${publishedMs} ms and all applied ${recoveredMs} ms after SIGCONT`,
    );
    expect(result).toMatchObject({
      acknowledged: k,
      outbox: k,
      unpublished: 0,
      stream: k,
      streamDistinct: k,
      applied: k,
      lost: 0,
      doubled: 0,
    });
    // Some rows were sent more than once; the stream's Nats-Msg-Id de-dup kept one copy of each.
    expect(result.publishCalls).toBeGreaterThan(k);
  });
});
