import type { MikroORM } from '@mikro-orm/postgresql';
import { DomainException, prefixedSubject } from '@rd/contracts';
import {
  connectTestNats,
  createTestDatabase,
  deleteStreamsWithPrefix,
  eventually,
  testSubjectPrefix,
  type TestDatabase,
} from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, headers as natsHeaders, JSONCodec, nanos, type JetStreamManager, type NatsConnection } from 'nats';
import {
  deadLetterStreamName,
  deadLetterSubject,
  ensureDeadLetterStream,
  consumerHealth,
  ensureEventStream,
  EventConsumer,
  jetStreamPublisher,
  listDeadLetters,
  PoisonMessageError,
  replayDeadLetters,
  type EventConsumerOptions,
} from '../src';
import { applyWidgetEffect, countRows, initWidgetOrm, memoryLogger, readStream, streamMessageCount, WidgetCreatedEvtV1 } from './support/widget';

type WidgetConsumerOptions = EventConsumerOptions<typeof WidgetCreatedEvtV1>;

/** Poison messages are parked at once; the dead-letter stream can be replayed, and a replay applies exactly once. */
describe('dead letters: poison at once, replay exactly once (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const prefixes: string[] = [];
  const consumers: EventConsumer<typeof WidgetCreatedEvtV1>[] = [];
  const logger = memoryLogger();

  async function freshPrefix(duplicateWindowMs?: number) {
    const prefix = testSubjectPrefix();
    prefixes.push(prefix);
    const stream = await ensureEventStream(jsm, prefix, 'communities', duplicateWindowMs ? { duplicateWindowMs } : {});
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
    correlationId: 'corr-dlq',
    occurredAt: new Date(),
  });
  const effectRows = (messageId: string) => countRows(orm, 'select count(*) as n from "widget_effect" where message_id = ?', [messageId]);

  async function expectSettled(stream: string, durable: string): Promise<void> {
    await eventually(async () => {
      const info = await jsm.consumers.info(stream, durable);
      expect({ ackPending: info.num_ack_pending, pending: info.num_pending }).toEqual({ ackPending: 0, pending: 0 });
    }, 10_000);
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_dead_letters');
    orm = await initWidgetOrm(db);
    nc = await connectTestNats();
    jsm = await nc.jetstreamManager();
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    if (nc) {
      for (const prefix of prefixes) await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
    }
    await orm?.close(true);
    await db?.drop();
  });

  it('should dead-letter a deterministic refusal at its first delivery, and retry a transient domain error', async () => {
    const { prefix, stream, dlq } = await freshPrefix();
    const deliveries: Array<{ name: string; deliveryCount: number }> = [];
    const consumer = await startConsumer({
      nc,
      prefix,
      retryDelayMs: () => 50,
      handle: async (payload, meta) => {
        deliveries.push({ name: payload.name, deliveryCount: meta.deliveryCount });
        if (payload.name === 'refused') throw new DomainException('resource.invalid-transition', 'meeting is already closed');
        if (payload.name === 'poison') throw new PoisonMessageError('references a district that was never created');
        if (payload.name === 'peer-down' && meta.deliveryCount <= 2) throw new DomainException('service.unavailable', 'communities did not answer');
        await applyWidgetEffect(orm, payload, meta);
      },
    });
    const publish = jetStreamPublisher(nc.jetstream(), prefix);
    const refused = widgetEvent('refused');
    const poison = widgetEvent('poison');
    const peerDown = widgetEvent('peer-down');
    for (const event of [refused, poison, peerDown]) await publish(event);

    await eventually(async () => expect(await effectRows(peerDown.id)).toBe(1), 10_000);
    await eventually(async () => expect(await streamMessageCount(jsm, dlq)).toBe(2), 10_000);
    await expectSettled(stream, consumer.durable);

    const byName = (name: string) => deliveries.filter((d) => d.name === name).map((d) => d.deliveryCount);
    expect({ refused: byName('refused'), poison: byName('poison'), peerDown: byName('peer-down') }).toEqual({
      refused: [1],
      poison: [1],
      peerDown: [1, 2, 3],
    });
    const parked = await readStream(jsm, dlq);
    expect(parked.map((m) => [m.headers['rd-original-msg-id'], m.headers['rd-dead-letter-reason']])).toEqual([
      [refused.id, 'refused: DomainException: meeting is already closed'],
      [poison.id, 'refused: PoisonMessageError: references a district that was never created'],
    ]);
    expect(parked.every((m) => m.headers['rd-correlation-id'] === 'corr-dlq')).toBe(true);
    expect(consumer.health()).toMatchObject({ healthy: true, consecutiveFailures: 0, deadLettered: 2 });
    expect(consumerHealth().find((h) => h.consumer === consumer.durable)).toEqual(consumer.health());
  });

  it('should lift max_deliver on a durable created with the old limit of 10', async () => {
    const { prefix, stream, dlq } = await freshPrefix();
    const durable = 'reporting__widget-created-v1';
    // As the consumer created durables before: max_deliver 10.
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: prefixedSubject(prefix, WidgetCreatedEvtV1.name),
      max_deliver: 10,
      ack_wait: nanos(30_000),
    });
    const counts: number[] = [];
    const event = widgetEvent('old-durable');
    await startConsumer({
      nc,
      prefix,
      retryDelayMs: () => 30,
      handle: async (payload, meta) => {
        counts.push(meta.deliveryCount);
        if (meta.deliveryCount <= 12) throw new Error('Connection terminated unexpectedly');
        await applyWidgetEffect(orm, payload, meta);
      },
    });
    expect((await jsm.consumers.info(stream, durable)).config.max_deliver).toBe(-1);
    await jetStreamPublisher(nc.jetstream(), prefix)(event);
    await eventually(async () => expect(await effectRows(event.id)).toBe(1), 15_000);
    expect(counts).toHaveLength(13);
    expect(await streamMessageCount(jsm, dlq)).toBe(0);
  });

  it('should replay a dead letter to its consumer exactly once, and a second replay should change nothing', async () => {
    // A short duplicate window, so the kept entry's second replay is not simply dropped by the stream: the
    // consumer's inbox must absorb it.
    const { prefix, stream, dlq } = await freshPrefix(500);
    let refuse = true;
    const deliveries: Array<{ id: string; applied: boolean }> = [];
    const consumer = await startConsumer({
      nc,
      prefix,
      handle: async (payload, meta) => {
        if (refuse) throw new DomainException('resource.not-found', 'community not known yet');
        deliveries.push({ id: meta.messageId, applied: await applyWidgetEffect(orm, payload, meta) });
      },
    });
    const publish = jetStreamPublisher(nc.jetstream(), prefix);
    const refused = widgetEvent('refused-then-fixed');
    await publish(refused);
    await eventually(async () => expect(await streamMessageCount(jsm, dlq)).toBe(1), 10_000);

    // A dead letter parked by the old consumer after 10 failed deliveries (no rd-original-msg-id header).
    const legacy = widgetEvent('parked-by-old-consumer');
    const h = natsHeaders();
    h.set('rd-correlation-id', 'corr-legacy');
    h.set('rd-dead-letter-reason', 'failed 10 times: connect ECONNREFUSED 127.0.0.1:5432');
    h.set('rd-original-subject', prefixedSubject(prefix, WidgetCreatedEvtV1.name));
    await ensureDeadLetterStream(jsm, prefix);
    await nc.jetstream().publish(deadLetterSubject(prefix, consumer.durable), JSONCodec().encode(legacy.payload), {
      headers: h,
      msgID: `${consumer.durable}:${legacy.id}`,
    });
    // Its original was in the stream too (the old consumer terminated it after the 10th delivery).
    expect(await streamMessageCount(jsm, dlq)).toBe(2);

    refuse = false; // the cause is fixed (e.g. the referenced community now exists)
    const options = { jsm, js: nc.jetstream(), prefix, consumer: consumer.durable };

    const dry = await replayDeadLetters({ ...options, dryRun: true });
    expect(dry.entries.map((e) => e.originalMsgId)).toEqual([refused.id, legacy.id]);
    expect({ replayed: dry.replayed, removed: dry.removed, dlq: await streamMessageCount(jsm, dlq) }).toEqual({ replayed: 0, removed: 0, dlq: 2 });
    expect(await listDeadLetters(jsm, prefix, { consumer: 'someone-else__widget-created-v1' })).toEqual([]);

    const first = await replayDeadLetters(options);
    expect({ replayed: first.replayed, removed: first.removed }).toEqual({ replayed: 2, removed: 2 });
    await eventually(async () => expect([await effectRows(refused.id), await effectRows(legacy.id)]).toEqual([1, 1]), 10_000);
    await expectSettled(stream, consumer.durable);
    expect(await streamMessageCount(jsm, dlq)).toBe(0);

    const second = await replayDeadLetters(options);
    expect(second).toEqual({ entries: [], replayed: 0, removed: 0 });

    // A replay that was published but whose DLQ entry survived (crash before the delete, or --keep), replayed
    // again after the duplicate window: delivered again, applied never.
    refuse = true;
    const again = widgetEvent('replayed-twice');
    await publish(again);
    await eventually(async () => expect(await streamMessageCount(jsm, dlq)).toBe(1), 10_000);
    refuse = false;
    await replayDeadLetters({ ...options, keep: true });
    await eventually(async () => expect(await effectRows(again.id)).toBe(1), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 700)); // past the stream's 500 ms duplicate window
    await replayDeadLetters(options);
    await eventually(() => expect(deliveries.filter((d) => d.id === again.id).map((d) => d.applied)).toEqual([true, false]), 10_000);
    await expectSettled(stream, consumer.durable);
    expect([await effectRows(refused.id), await effectRows(legacy.id), await effectRows(again.id)]).toEqual([1, 1, 1]);
    expect(await streamMessageCount(jsm, dlq)).toBe(0);
    expect(
      await countRows(orm, 'select count(*) as n from "inbox_message" where consumer = ? and message_id in (?, ?, ?)', [
        consumer.durable,
        refused.id,
        legacy.id,
        again.id,
      ]),
    ).toBe(3);
  });
});
