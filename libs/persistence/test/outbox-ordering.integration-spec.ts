import type { MikroORM } from '@mikro-orm/postgresql';
import { defineEvent } from '@rd/contracts';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, eventually, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import type { JetStreamManager, NatsConnection } from 'nats';
import { z } from 'zod';
import { OUTBOX_AGGREGATE_KEY_SQL, OutboxRelay, outboxAggregateKey, recordEvent, type RelayedMessage } from '../src';
import { ackedPublish, countRows, ensureWidgetStream, initWidgetOrm, readStream } from './support/widget';

const RenamedEvtV1 = defineEvent({
  name: 'communities.evt.widget.renamed.v1',
  owner: 'communities',
  description: 'Test-only event keyed by community.',
  schema: z.object({ communityId: z.string().uuid().describe('Aggregate'), n: z.number().int().describe('Order') }).strict(),
});

/** Order is kept per aggregate (outbox `aggregate_key`, insertion order `seq`), by one relay or several. */
describe('outbox order per aggregate (real PostgreSQL and JetStream)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let prefix: string;
  let stream: string;
  const relays: OutboxRelay[] = [];

  function startRelay(batchSize: number) {
    const publish = ackedPublish(nc.jetstream(), prefix);
    const calls: string[] = [];
    const relay = new OutboxRelay({
      orm,
      databaseUrl: db.url,
      batchSize,
      pollIntervalMs: 100,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      publish: async (message: RelayedMessage) => {
        calls.push(message.id);
        await publish(message);
      },
    });
    relays.push(relay);
    return { calls, started: relay.start() };
  }

  /** n values per community in stream order. */
  async function orderPerAggregate(): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>();
    for (const e of await readStream(jsm, stream)) {
      const { communityId, n } = e.payload as { communityId: string; n: number };
      result.set(communityId, [...(result.get(communityId) ?? []), n]);
    }
    return result;
  }

  beforeAll(async () => {
    db = await createTestDatabase('persistence_outbox_order');
    orm = await initWidgetOrm(db, 20);
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    jsm = await nc.jetstreamManager();
    stream = await ensureWidgetStream(jsm, prefix);
  });

  beforeEach(async () => {
    await jsm.streams.purge(stream);
    await orm.em.fork().getConnection().execute('delete from "outbox_message"');
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

  it('should publish events recorded in one transaction (same millisecond) in the order they were recorded', async () => {
    const community = randomUUID();
    const total = 40;
    await orm.em.fork().transactional(async (tx) => {
      for (let n = 0; n < total; n++) recordEvent(tx, RenamedEvtV1, { communityId: community, n }, 'corr-one-tx');
    });
    const sameMs = await countRows(orm, 'select count(distinct created_at) as n from "outbox_message"');
    const { started } = startRelay(100);
    await started;

    await eventually(async () => expect(await countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null')).toBe(0));
    console.log(`one transaction: ${total} events over ${sameMs} distinct created_at values`);
    expect((await orderPerAggregate()).get(community)).toEqual([...Array(total).keys()]);
  });

  it('should keep order within each aggregate with two relays and concurrent writers, and publish each row once', async () => {
    const communities = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const perAggregate = 40;
    const a = startRelay(5);
    const b = startRelay(5);
    await Promise.all([a.started, b.started]);

    // Each community's writes follow one another (one request after the other); the communities write concurrently.
    await Promise.all(
      communities.map(async (communityId) => {
        for (let n = 0; n < perAggregate; n++) {
          await orm.em.fork().transactional(async (tx) => recordEvent(tx, RenamedEvtV1, { communityId, n }, `corr-${n}`));
        }
      }),
    );

    await eventually(async () => expect(await countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null')).toBe(0), 20_000);
    const order = await orderPerAggregate();
    console.log(`two relays, hot aggregates: relay A published ${a.calls.length}, relay B ${b.calls.length}`);
    for (const c of communities) expect(order.get(c)).toEqual([...Array(perAggregate).keys()]);
    const calls = [...a.calls, ...b.calls];
    expect(calls).toHaveLength(communities.length * perAggregate);
    expect(new Set(calls).size).toBe(communities.length * perAggregate);
  });

  it('should key rows written before the column existed the way recordEvent keys new ones (migration backfill)', async () => {
    const id = randomUUID();
    const samples: Array<[string, Record<string, unknown>]> = [
      ['meetings.evt.concern.recorded.v1', { concernId: randomUUID(), meetingId: id }],
      ['communities.evt.officer.assigned.v1', { assignmentId: randomUUID(), communityId: id }],
      ['communities.evt.contact.erased.v1', { contactId: id }],
      ['meetings.evt.template.published.v1', { templateId: id, key: 'k' }],
      ['audit.evt.entry.submitted.v1', { id, resourceId: 'r' }],
      ['meetings.evt.thing.done.v1', { other: 1 }],
    ];
    const connection = orm.em.fork().getConnection();
    for (const [subject, payload] of samples) {
      await connection.execute(`insert into "outbox_message" ("id", "subject", "payload", "correlation_id") values (?, ?, ?, 'c')`, [
        randomUUID(),
        subject,
        JSON.stringify(payload),
      ]);
    }
    await connection.execute(`update "outbox_message" set "aggregate_key" = ${OUTBOX_AGGREGATE_KEY_SQL}`);
    const rows = await connection.execute<{ subject: string; payload: Record<string, unknown>; aggregate_key: string }[]>(
      'select subject, payload, aggregate_key from "outbox_message" order by seq',
    );
    expect(rows.map((r) => r.aggregate_key)).toEqual(samples.map(([subject, payload]) => outboxAggregateKey(subject, payload)));
  });
});
