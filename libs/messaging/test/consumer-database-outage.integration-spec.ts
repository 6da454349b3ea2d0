import type { MikroORM } from '@mikro-orm/postgresql';
import {
  connectTestNats,
  createTestDatabase,
  deleteStreamsWithPrefix,
  eventually,
  startPrivatePostgres,
  testSubjectPrefix,
  type PrivatePostgres,
  type TestDatabase,
} from '@rd/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { JetStreamManager, NatsConnection } from 'nats';
import { cappedBackoffMs, deadLetterStreamName, ensureEventStream, EventConsumer, jetStreamPublisher, type ConsumerHealth } from '../src';
import { applyWidgetEffect, countRows, initWidgetOrm, memoryLogger, streamMessageCount, WidgetCreatedEvtV1 } from './support/widget';

// CI runs a ~25 s outage with the backoff scaled down (cap 2 s); the full run is 10 minutes at the production cap:
//   FAULT_OUTAGE_MS=600000 FAULT_BACKOFF_CAP_MS=30000 npx jest -c jest.integration.config.js --runInBand <this file>
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 25_000);
const BACKOFF_CAP_MS = Number(process.env.FAULT_BACKOFF_CAP_MS ?? 2_000);
const EVENT_EVERY_MS = Number(process.env.FAULT_EVENT_INTERVAL_MS ?? 500);
// The old consumer gave up after 10 deliveries: with the scaled backoff (200 ms doubling to the cap) 10 deliveries
// take ~13 s at a 2 s cap and ~2.5 min at 30 s, so either outage is longer than the old consumer lasted.

/**
 * The consuming service's database is down (a PRIVATE PostgreSQL, SIGKILLed and started again after the outage)
 * while events keep arriving. Nothing may be dead-lettered, every event must be applied exactly once after the
 * database is back, and the consumer must say it is unhealthy meanwhile.
 */
describe('durable consumer across a long outage of its database (private postgres)', () => {
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let consumer: EventConsumer<typeof WidgetCreatedEvtV1> | undefined;
  const prefix = testSubjectPrefix();
  const logger = memoryLogger();

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    db = await createTestDatabase('messaging_consumer_db_outage', pg.url);
    orm = await initWidgetOrm(db);
    nc = await connectTestNats();
    jsm = await nc.jetstreamManager();
  });

  afterAll(async () => {
    await consumer?.stop();
    if (nc) {
      await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
    }
    await orm?.close(true);
    await pg?.stop();
  });

  it(`should apply every event once after a ${Math.round(OUTAGE_MS / 1000)} s database outage, dead-letter none, and report unhealthy meanwhile`, async () => {
    const stream = await ensureEventStream(jsm, prefix, 'communities');
    const publish = jetStreamPublisher(nc.jetstream(), prefix);
    const published: string[] = [];
    const publishOne = async (name: string) => {
      const event = { id: randomUUID(), subject: WidgetCreatedEvtV1.name, payload: { widgetId: randomUUID(), name }, correlationId: 'corr-outage', occurredAt: new Date() };
      await publish(event);
      published.push(event.id);
    };
    const running = new EventConsumer({
      nc,
      prefix,
      service: 'reporting',
      event: WidgetCreatedEvtV1,
      logger,
      retryDelayMs: (deliveryCount) => cappedBackoffMs(deliveryCount, 200, BACKOFF_CAP_MS),
      handle: async (payload, meta) => {
        await applyWidgetEffect(orm, payload, meta);
      },
    });
    consumer = running;
    await running.start();

    for (let i = 0; i < 20; i++) await publishOne(`before-${i}`);
    await eventually(async () => expect(await countRows(orm, 'select count(*) as n from "widget_effect"')).toBe(20), 10_000);

    // The outage: events keep coming, the consumer's health is sampled.
    await pg.kill('SIGKILL');
    const outageStart = Date.now();
    const samples: ConsumerHealth[] = [];
    while (Date.now() - outageStart < OUTAGE_MS) {
      await publishOne(`during-${published.length}`);
      samples.push(running.health());
      await new Promise((resolve) => setTimeout(resolve, EVENT_EVERY_MS));
    }
    const duringHealth = running.health();
    await pg.restart();
    const restartedAt = Date.now();
    const outageMs = restartedAt - outageStart;
    for (let i = 0; i < 10; i++) await publishOne(`after-${i}`);

    const applied = () => countRows(orm, 'select count(*) as n from (select distinct message_id from "widget_effect") d');
    await eventually(async () => expect(await applied()).toBe(published.length), Math.max(60_000, BACKOFF_CAP_MS * 4));
    const catchUpMs = Date.now() - restartedAt;
    await eventually(async () => {
      const info = await jsm.consumers.info(stream, running.durable);
      expect({ ackPending: info.num_ack_pending, pending: info.num_pending }).toEqual({ ackPending: 0, pending: 0 });
    }, 30_000);

    const [rows, distinct, deadLettered] = await Promise.all([
      countRows(orm, 'select count(*) as n from "widget_effect"'),
      applied(),
      streamMessageCount(jsm, deadLetterStreamName(prefix)),
    ]);
    const appliedIds = new Set(
      (await orm.em.fork().getConnection().execute<{ message_id: string }[]>('select message_id from "widget_effect"')).map((r) => r.message_id),
    );
    const lost = published.filter((id) => !appliedIds.has(id)).length;
    const duplicated = rows - distinct;
    const maxFailures = Math.max(...samples.map((s) => s.consecutiveFailures));
    const summary = {
      outageMs,
      events: published.length,
      eventsDuringOutage: published.length - 30,
      lost,
      duplicated,
      deadLettered,
      catchUpMs,
      backoffCapMs: BACKOFF_CAP_MS,
      failedDeliveriesInARow: maxFailures,
      unhealthyAfterMs: duringHealth.unhealthySince ? duringHealth.unhealthySince.getTime() - outageStart : null,
    };
    mkdirSync('test-output', { recursive: true });
    writeFileSync(join('test-output', 'consumer-database-outage.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`consumer database outage: ${JSON.stringify(summary)}`);

    expect({ lost, duplicated, deadLettered }).toEqual({ lost: 0, duplicated: 0, deadLettered: 0 });
    // Unhealthy from a few failed deliveries into the outage until the end of it; healthy again after.
    expect(duringHealth.healthy).toBe(false);
    expect(duringHealth.lastError).toBeTruthy();
    expect(samples.slice(-3).every((s) => !s.healthy)).toBe(true);
    expect(running.health()).toMatchObject({ healthy: true, consecutiveFailures: 0 });
    expect(logger.lines.some((l) => l.includes('unhealthy'))).toBe(true);
    expect(logger.lines.some((l) => l.includes('healthy again'))).toBe(true);
  }, OUTAGE_MS + 180_000);
});
