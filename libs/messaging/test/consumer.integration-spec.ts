import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { eventStreamName, prefixedSubject } from '@rd/contracts';
import {
  connectTestNats,
  createTestDatabase,
  deleteStreamsWithPrefix,
  eventually,
  testSubjectPrefix,
  type TestDatabase,
} from '@rd/testing';
import { applyEachOnce } from '@rd/persistence';
import { randomUUID } from 'node:crypto';
import { JSONCodec, type JetStreamManager, type NatsConnection } from 'nats';
import {
  deadLetterStreamName,
  ensureEventStream,
  EventConsumer,
  jetStreamPublisher,
  PoisonMessageError,
  type EventConsumerOptions,
  type EventMeta,
} from '../src';
import {
  applyWidgetEffect,
  countRows,
  initWidgetOrm,
  memoryLogger,
  readStream,
  streamMessageCount,
  WidgetCreatedEvtV1,
  type WidgetCreated,
} from './support/widget';

type WidgetConsumerOptions = EventConsumerOptions<typeof WidgetCreatedEvtV1>;

describe('JetStream event consumer (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const prefixes: string[] = [];
  const consumers: EventConsumer<typeof WidgetCreatedEvtV1>[] = [];
  const connections: NatsConnection[] = [];
  const logger = memoryLogger();

  /** Each test gets its own subject prefix, so its streams, durable consumer and DLQ start empty. */
  async function freshPrefix(): Promise<{ prefix: string; stream: string; dlq: string; subject: string }> {
    const prefix = testSubjectPrefix();
    prefixes.push(prefix);
    const stream = await ensureEventStream(jsm, prefix, 'communities');
    return { prefix, stream, dlq: deadLetterStreamName(prefix), subject: prefixedSubject(prefix, WidgetCreatedEvtV1.name) };
  }

  async function startConsumer(options: Omit<WidgetConsumerOptions, 'service' | 'event' | 'logger'>) {
    const consumer = new EventConsumer({ service: 'reporting', event: WidgetCreatedEvtV1, logger, ...options });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  const widgetEvent = (name = 'w') => ({
    id: randomUUID(),
    subject: WidgetCreatedEvtV1.name,
    payload: { widgetId: randomUUID(), name },
    correlationId: 'corr-test',
    occurredAt: new Date(),
  });

  const effectRows = (messageId: string) =>
    countRows(orm, 'select count(*) as n from "widget_effect" where message_id = ?', [messageId]);

  async function expectSettled(stream: string, durable: string): Promise<void> {
    await eventually(async () => {
      const info = await jsm.consumers.info(stream, durable);
      expect({ ackPending: info.num_ack_pending, pending: info.num_pending }).toEqual({ ackPending: 0, pending: 0 });
    }, 10_000);
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_consumer');
    orm = await initWidgetOrm(db);
    nc = await connectTestNats();
    jsm = await nc.jetstreamManager();
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    if (nc) {
      for (const prefix of prefixes) await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
    }
    await orm?.close(true);
    await db?.drop();
  });

  it('should redeliver a message whose consumer crashed after its effect but before the ack, and not apply it twice', async () => {
    const { prefix, stream } = await freshPrefix();
    const deliveries: Array<{ process: string; deliveryCount: number; applied: boolean }> = [];

    // Process A: commits the effect, then dies before acking (its connection is gone, the handler never returns).
    const ncA = await connectTestNats();
    let crashed!: () => void;
    const crash = new Promise<void>((resolve) => (crashed = resolve));
    const consumerA = new EventConsumer({
      nc: ncA,
      prefix,
      service: 'reporting',
      event: WidgetCreatedEvtV1,
      ackWaitMs: 1000,
      maxDeliver: 5,
      logger,
      handle: async (payload: WidgetCreated, meta: EventMeta) => {
        const applied = await applyWidgetEffect(orm, payload, meta);
        deliveries.push({ process: 'A', deliveryCount: meta.deliveryCount, applied });
        await ncA.close();
        crashed();
        return new Promise<never>(() => undefined);
      },
    });
    await consumerA.start(); // not stopped in afterEach: its loop is "dead" with the handler

    const event = widgetEvent('crash');
    await jetStreamPublisher(nc.jetstream(), prefix)(event);
    await crash;
    expect(await effectRows(event.id)).toBe(1);

    // Process B: the restarted service, same durable. JetStream redelivers after ack_wait (1 s).
    const consumerB = await startConsumer({
      nc,
      prefix,
      ackWaitMs: 1000,
      maxDeliver: 5,
      handle: async (payload, meta) => {
        deliveries.push({ process: 'B', deliveryCount: meta.deliveryCount, applied: await applyWidgetEffect(orm, payload, meta) });
      },
    });

    await eventually(() => expect(deliveries.filter((d) => d.process === 'B').length).toBeGreaterThanOrEqual(1), 10_000);
    await expectSettled(stream, consumerB.durable);
    expect(deliveries[0]).toEqual({ process: 'A', deliveryCount: 1, applied: true });
    expect(deliveries.slice(1)).toEqual([{ process: 'B', deliveryCount: 2, applied: false }]);
    expect(await effectRows(event.id)).toBe(1);
    expect(
      await countRows(orm, 'select count(*) as n from "inbox_message" where consumer = ? and message_id = ?', [
        consumerB.durable,
        event.id,
      ]),
    ).toBe(1);
  });

  it('should retry a transient handler failure after the nak delay and then apply it once', async () => {
    const { prefix, stream } = await freshPrefix();
    const deliveries: Array<{ deliveryCount: number; at: number }> = [];
    const retryDelayMs = 300;
    const consumer = await startConsumer({
      nc,
      prefix,
      maxDeliver: 5,
      retryDelayMs: () => retryDelayMs,
      handle: async (payload, meta) => {
        deliveries.push({ deliveryCount: meta.deliveryCount, at: Date.now() });
        if (meta.deliveryCount <= 2) throw new Error('database is busy');
        await applyWidgetEffect(orm, payload, meta);
      },
    });

    const event = widgetEvent('flaky');
    await jetStreamPublisher(nc.jetstream(), prefix)(event);

    await eventually(async () => expect(await effectRows(event.id)).toBe(1), 10_000);
    await expectSettled(stream, consumer.durable);
    expect(deliveries.map((d) => d.deliveryCount)).toEqual([1, 2, 3]);
    // nak(delay) is honoured by the server: no redelivery before the delay (small clock slack).
    expect(deliveries[1].at - deliveries[0].at).toBeGreaterThanOrEqual(retryDelayMs - 50);
    expect(deliveries[2].at - deliveries[1].at).toBeGreaterThanOrEqual(retryDelayMs - 50);
    expect(logger.lines.some((l) => l.includes('delivery 1') && l.includes('database is busy'))).toBe(true);
  });

  it('should dead-letter a poison payload with its reason, terminate it and go on with the next message', async () => {
    const { prefix, stream, dlq, subject } = await freshPrefix();
    let handled = 0;
    const consumer = await startConsumer({
      nc,
      prefix,
      maxDeliver: 5,
      handle: async (payload, meta) => {
        handled += 1;
        await applyWidgetEffect(orm, payload, meta);
      },
    });

    const js = nc.jetstream();
    const json = JSONCodec();
    // Published around the outbox, so nothing validated them: a schema-breaking object, bytes that are not
    // JSON, and an event without Nats-Msg-Id (the last two must not share a dead-letter dedup id).
    await js.publish(subject, json.encode({ widgetId: 'not-a-uuid', name: 'x', extra: true }), { msgID: 'poison-schema' });
    await js.publish(subject, new TextEncoder().encode('{not json'));
    await js.publish(subject, json.encode({ name: '' }));
    const good = widgetEvent('after-poison');
    await jetStreamPublisher(js, prefix)(good);

    await eventually(async () => expect(await streamMessageCount(jsm, dlq)).toBe(3), 10_000);
    await eventually(async () => expect(await effectRows(good.id)).toBe(1), 10_000);
    await expectSettled(stream, consumer.durable);
    expect(handled).toBe(1);

    const parked = await readStream(jsm, dlq);
    expect(parked.map((m) => m.subject)).toEqual(Array(3).fill(`${prefix}.dlq.${consumer.durable}`));
    expect(parked.map((m) => m.msgId)).toEqual([
      `${consumer.durable}:poison-schema`,
      `${consumer.durable}:${stream}:2`,
      `${consumer.durable}:${stream}:3`,
    ]);
    for (const message of parked) {
      expect(message.headers['rd-dead-letter-reason']).toMatch(/^invalid payload: \S/);
      expect(message.headers['rd-original-subject']).toBe(subject);
    }
    expect(JSON.parse(parked[0].data)).toEqual({ widgetId: 'not-a-uuid', name: 'x', extra: true });
    expect(parked[0].headers['rd-dead-letter-reason']).toContain('widgetId');
    expect(parked[1].data).toBe('{not json');
    // Terminated, not just parked: nothing is pending or waiting for redelivery.
    const info = await jsm.consumers.info(stream, consumer.durable);
    expect(info.delivered.stream_seq).toBe(4);
    expect(info.num_redelivered).toBe(0);
  });

  it('should keep retrying a transient failure past the old 10-delivery limit and never dead-letter it', async () => {
    const { prefix, stream, dlq } = await freshPrefix();
    const deliveryCounts: number[] = [];
    const consumer = await startConsumer({
      nc,
      prefix,
      retryDelayMs: () => 50,
      handle: async (payload, meta) => {
        deliveryCounts.push(meta.deliveryCount);
        if (meta.deliveryCount <= 14) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        await applyWidgetEffect(orm, payload, meta);
      },
    });

    const event = widgetEvent('outage');
    await jetStreamPublisher(nc.jetstream(), prefix)(event);

    await eventually(async () => expect(await effectRows(event.id)).toBe(1), 15_000);
    await expectSettled(stream, consumer.durable);
    expect(deliveryCounts).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(await streamMessageCount(jsm, dlq)).toBe(0);
    expect((await jsm.consumers.info(stream, consumer.durable)).config.max_deliver).toBe(-1);
  });

  it('should apply the messages at hand in one transaction per batch, and one at a time when a batch fails', async () => {
    const { prefix, stream, dlq } = await freshPrefix();
    // 200 events already waiting (a service that was stopped), one of which its handler refuses for good.
    const events = Array.from({ length: 200 }, (_, i) => widgetEvent(i === 130 ? 'refused' : `behind-${i}`));
    const publish = jetStreamPublisher(nc.jetstream(), prefix);
    for (const event of events) await publish(event);
    const insertEffect = (payload: WidgetCreated, meta: EventMeta) => (tx: EntityManager) => {
      if (payload.name === 'refused') throw new PoisonMessageError('this widget is refused');
      return tx.execute(`insert into "widget_effect" ("consumer", "message_id", "widget_id") values (?, ?, ?)`, [meta.consumer, meta.messageId, payload.widgetId]).then(() => undefined);
    };
    const batches: string[][] = [];
    const alone: string[] = [];
    const consumer = await startConsumer({
      nc,
      prefix,
      handle: async (payload, meta) => {
        alone.push(payload.name);
        await applyEachOnce(orm.em, [{ key: { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, effect: insertEffect(payload, meta) }]);
      },
      handleBatch: async (items) => {
        batches.push(items.map(({ payload }) => payload.name));
        await applyEachOnce(
          orm.em,
          items.map(({ payload, meta }) => ({ key: { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, effect: insertEffect(payload, meta) })),
        );
      },
    });

    await eventually(async () => expect(await streamMessageCount(jsm, dlq)).toBe(1), 15_000);
    await expectSettled(stream, consumer.durable);
    for (const event of events) expect(await effectRows(event.id)).toBe(event.payload.name === 'refused' ? 0 : 1);
    // Batches of what each pull brought (64 at most); only the batch holding the refused event went one at a time.
    const sizes = batches.map((batch) => batch.length);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
    expect(batches.length).toBeLessThan(50);
    const failed = batches.filter((batch) => batch.includes('refused'));
    const batched = new Set(batches.flat());
    expect(alone.filter((name) => batched.has(name)).sort()).toEqual(failed.flat().sort());
    const [parked] = await readStream(jsm, dlq);
    expect(parked.headers['rd-dead-letter-reason']).toMatch(/^refused: PoisonMessageError: this widget is refused/);
  });

  it('should store a message published twice with the same Nats-Msg-Id once (within the duplicate window)', async () => {
    const { prefix, stream, subject } = await freshPrefix();
    const js = nc.jetstream();
    const event = widgetEvent('twice');

    const publish = jetStreamPublisher(js, prefix);
    await publish(event);
    await publish(event); // e.g. the relay crashed between the broker's ack and its commit
    const raw = await js.publish(subject, JSONCodec().encode(event.payload), { msgID: event.id });
    expect(raw.duplicate).toBe(true);
    const other = await js.publish(subject, JSONCodec().encode(event.payload), { msgID: randomUUID() });
    expect(other.duplicate).toBe(false);

    expect(await streamMessageCount(jsm, stream)).toBe(2);
    const stored = await readStream(jsm, stream);
    expect(stored.filter((m) => m.msgId === event.id)).toHaveLength(1);
    expect(stream).toBe(eventStreamName(prefix, 'communities'));
  });
});
