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
import type { JetStreamManager, NatsConnection } from 'nats';
import { OUTBOX_NOTIFY_CHANNEL, OutboxRelay } from '../src';
import { ackedPublish, countRows, createWidget, ensureWidgetStream, initWidgetOrm, readStream, streamMessageCount } from './support/widget';

/**
 * Fault tests on a PRIVATE PostgreSQL (initdb + pg_ctl on a random port), killed with SIGKILL and restarted
 * (crash recovery) while the relay runs. NATS is the shared server, isolated by a subject prefix.
 */
describe('outbox relay across a PostgreSQL crash (private postgres)', () => {
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let orm: MikroORM;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let prefix: string;
  let stream: string;
  let relay: OutboxRelay | undefined;
  let logs: string[] = [];
  const logger = { log: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };

  const unpublished = () => countRows(orm, 'select count(*) as n from "outbox_message" where published_at is null');
  const listening = () =>
    countRows(orm, `select count(*) as n from pg_stat_activity where query = 'LISTEN ${OUTBOX_NOTIFY_CHANNEL}'`);

  async function startRelay(pollIntervalMs: number): Promise<OutboxRelay> {
    const publish = ackedPublish(nc.jetstream(), prefix);
    relay = new OutboxRelay({ orm, databaseUrl: db.url, publish, pollIntervalMs, logger });
    await relay.start();
    return relay;
  }

  /** Kills the postmaster (SIGKILL, no shutdown checkpoint), waits until the relay noticed, restarts it. */
  async function crashAndRestart(): Promise<{ restartedAt: number; serverUpMs: number }> {
    await pg.kill('SIGKILL');
    await eventually(() => expect(logs.some((l) => l.startsWith('outbox relay'))).toBe(true), 10_000);
    const restartedAt = Date.now();
    await pg.restart();
    return { restartedAt, serverUpMs: Date.now() - restartedAt };
  }

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    db = await createTestDatabase('persistence_pg_outage', pg.url);
    orm = await initWidgetOrm(db);
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    jsm = await nc.jetstreamManager();
    stream = await ensureWidgetStream(jsm, prefix);
  });

  beforeEach(async () => {
    logs = [];
    await jsm.streams.purge(stream);
  });

  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
  });

  afterAll(async () => {
    if (nc) {
      await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
    }
    await orm?.close(true);
    // The whole private cluster (and the test database in it) goes away.
    await pg?.stop();
  });

  it('should keep relaying after its database was killed and restarted', async () => {
    await startRelay(250);
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) acknowledged.push(await createWidget(orm, `before-${i}`));
    await eventually(async () => expect(await streamMessageCount(jsm, stream)).toBe(5), 10_000);

    const { restartedAt, serverUpMs } = await crashAndRestart();

    for (let i = 0; i < 10; i++) acknowledged.push(await createWidget(orm, `after-${i}`));
    const writesDoneMs = Date.now() - restartedAt;
    await eventually(async () => {
      expect(await unpublished()).toBe(0);
      expect(await streamMessageCount(jsm, stream)).toBe(15);
    }, 20_000);
    const relayedMs = Date.now() - restartedAt;

    const stored = await readStream(jsm, stream);
    expect(stored.map((m) => m.msgId).sort()).toEqual([...acknowledged].sort());
    console.log(
      `PostgreSQL SIGKILL (poll 250 ms): server up ${serverUpMs} ms after restart, 10 writes done at ${writesDoneMs} ms, ` +
        `all 15 on the stream at ${relayedMs} ms (stream ${stored.length}, distinct ${new Set(stored.map((m) => m.msgId)).size})`,
    );
  });

  it('should LISTEN again after the restart, so events do not wait for the poll', async () => {
    // A poll far longer than the test: only NOTIFY (or the catch-up after re-listening) can move rows.
    await startRelay(120_000);
    await eventually(async () => expect(await listening()).toBe(1));
    const before = await createWidget(orm, 'before');
    await eventually(async () => expect(await streamMessageCount(jsm, stream)).toBe(1), 10_000);

    const { restartedAt, serverUpMs } = await crashAndRestart();
    await eventually(async () => expect(await listening()).toBe(1), 10_000);
    const relistenMs = Date.now() - restartedAt;

    const writtenAt = Date.now();
    const after = await createWidget(orm, 'after');
    await eventually(async () => expect(await streamMessageCount(jsm, stream)).toBe(2), 10_000);
    const notifyToStreamMs = Date.now() - writtenAt;

    expect((await readStream(jsm, stream)).map((m) => m.msgId)).toEqual([before, after]);
    expect(await unpublished()).toBe(0);
    console.log(
      `PostgreSQL SIGKILL (poll 120 s): server up ${serverUpMs} ms after restart, LISTEN back at ${relistenMs} ms, ` +
        `next event on the stream ${notifyToStreamMs} ms after its commit`,
    );
  });
});
