import type { MikroORM } from '@mikro-orm/postgresql';
import { eventStreamName } from '@rd/contracts';
import {
  connectTestNats,
  createTestDatabase,
  deleteStreamsWithPrefix,
  eventually,
  testSubjectPrefix,
  type TestDatabase,
} from '@rd/testing';
import type { JetStreamManager, NatsConnection } from 'nats';
import { ZodError } from 'zod';
import { OutboxMessage, OutboxRelay, recordEvent, type RelayedMessage } from '../src';
import {
  ackedPublish,
  countRows,
  createWidget,
  ensureWidgetStream,
  initWidgetOrm,
  readStream,
  streamMessageCount,
  Widget,
  WidgetCreatedEvtV1,
} from './support/widget';

describe('outbox relay (real PostgreSQL and JetStream)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let prefix: string;
  let stream: string;
  const relays: OutboxRelay[] = [];
  const logs: string[] = [];
  const logger = { log: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };

  /** A relay whose publish calls are counted per outbox id, so a repeat the stream de-duplicated still shows. */
  function startRelay(options: { batchSize?: number } = {}) {
    const publish = ackedPublish(nc.jetstream(), prefix);
    const calls: string[] = [];
    const relay = new OutboxRelay({
      orm,
      databaseUrl: db.url,
      batchSize: options.batchSize,
      pollIntervalMs: 200,
      logger,
      publish: async (message: RelayedMessage) => {
        calls.push(message.id);
        await publish(message);
      },
    });
    relays.push(relay);
    return { relay, calls, started: relay.start() };
  }

  beforeAll(async () => {
    db = await createTestDatabase('persistence_outbox');
    orm = await initWidgetOrm(db, 20);
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    jsm = await nc.jetstreamManager();
    stream = await ensureWidgetStream(jsm, prefix);
    expect(stream).toBe(eventStreamName(prefix, 'communities'));
  });

  beforeEach(async () => {
    await jsm.streams.purge(stream);
    await orm.em.fork().getConnection().execute('delete from "outbox_message"; delete from "widget"');
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    if (nc) {
      await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
    }
    await orm?.close(true);
    await db?.drop();
  });

  it('should publish a committed write exactly once, with Nats-Msg-Id = outbox row id, and mark the row published', async () => {
    const { calls, started } = startRelay();
    await started;

    const id = await createWidget(orm, 'first');

    const events = await eventually(async () => {
      const stored = await readStream(jsm, stream);
      expect(stored).toHaveLength(1);
      return stored;
    });
    expect(events[0]).toMatchObject({
      subject: `${prefix}.${WidgetCreatedEvtV1.name}`,
      msgId: id,
      payload: { name: 'first', widgetId: expect.any(String) },
    });
    const row = await eventually(async () => {
      const found = await orm.em.fork().findOneOrFail(OutboxMessage, id);
      expect(found.publishedAt).toBeInstanceOf(Date);
      return found;
    });
    expect(row.attempts).toBe(0);
    expect(calls).toEqual([id]);
  });

  it('should never publish an event for a rolled-back write', async () => {
    const { relay, calls, started } = startRelay();
    await started;

    const rolledBack = orm.em.fork().transactional(async (tx) => {
      const widget = tx.create(Widget, { name: 'doomed' });
      recordEvent(tx, WidgetCreatedEvtV1, { widgetId: widget.id, name: 'doomed' }, 'corr-doomed');
      await tx.flush(); // the outbox row reaches the database inside the transaction...
      throw new Error('business rule failed after recordEvent'); // ...and is rolled back with the widget
    });
    await expect(rolledBack).rejects.toThrow('business rule failed');
    expect(await countRows(orm, 'select count(*) as n from "outbox_message"')).toBe(0);
    expect(await countRows(orm, 'select count(*) as n from "widget"')).toBe(0);
    await relay.drain();

    // A later committed write is the barrier: once it is on the stream, the relay has seen everything before it.
    const marker = await createWidget(orm, 'marker');
    await eventually(async () => expect(await streamMessageCount(jsm, stream)).toBeGreaterThanOrEqual(1));
    const stored = await readStream(jsm, stream);
    expect(stored.map((e) => e.msgId)).toEqual([marker]);
    expect(stored.some((e) => (e.payload as { name: string }).name === 'doomed')).toBe(false);
    expect(calls).toEqual([marker]);
  });

  it('should relay 200 events with two relays on one database and publish none twice', async () => {
    const total = 200;
    const a = startRelay({ batchSize: 10 });
    const b = startRelay({ batchSize: 10 });
    await Promise.all([a.started, b.started]);

    // Concurrent writers: rows commit out of order, and every commit notifies both relays.
    const written: string[] = [];
    for (let i = 0; i < total; i += 20) {
      written.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => createWidget(orm, `w${i + j}`)))));
    }

    await eventually(async () => {
      expect(await streamMessageCount(jsm, stream)).toBe(total);
      expect(await countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null')).toBe(0);
    }, 20_000);
    const stored = await readStream(jsm, stream);
    const publishCalls = [...a.calls, ...b.calls];
    console.log(`two relays: relay A published ${a.calls.length}, relay B ${b.calls.length}, stream holds ${stored.length}`);

    expect(stored).toHaveLength(total);
    expect(new Set(stored.map((e) => e.msgId)).size).toBe(total);
    expect(new Set(stored.map((e) => e.msgId))).toEqual(new Set(written));
    // Not only de-duplicated by the stream: no row was even sent twice.
    expect(publishCalls).toHaveLength(total);
    expect(new Set(publishCalls).size).toBe(total);
  });

  it('should refuse a payload that breaks the event schema and write nothing', async () => {
    const attempt = (payload: Record<string, unknown>) =>
      orm.em.fork().transactional(async (tx) => {
        tx.create(Widget, { name: 'invalid' });
        recordEvent(tx, WidgetCreatedEvtV1, payload as never, 'corr-invalid');
      });

    await expect(attempt({ widgetId: 'not-a-uuid', name: 'invalid' })).rejects.toBeInstanceOf(ZodError);
    await expect(attempt({ name: 'invalid' })).rejects.toBeInstanceOf(ZodError);
    // Event schemas are strict: an extra field (e.g. free text that must not leave the service) is refused.
    await expect(
      attempt({ widgetId: '6f1c1b8e-8f8b-4c1e-9a55-0c3f7a1f0a11', name: 'invalid', concernText: 'confidential' }),
    ).rejects.toBeInstanceOf(ZodError);

    expect(await countRows(orm, 'select count(*) as n from "outbox_message"')).toBe(0);
    expect(await countRows(orm, 'select count(*) as n from "widget"')).toBe(0);
  });
});
