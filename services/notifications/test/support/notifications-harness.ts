import { MikroORM } from '@mikro-orm/postgresql';
import type { INestMicroservice } from '@nestjs/common';
import type { DataOf, EventDef } from '@rd/contracts';
import { createServiceApp, ensureEventStream, jetStreamPublisher, RpcClient } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { AppModule } from '../../src/app.module';
import { configWith, type NotificationsConfig } from '../../src/config';
import { notificationsOrmConfig } from '../../src/orm.config';
import { startPeerStub, World } from './peer-stub';
import { MailReceiver, SmsReceiver } from './receivers';

export interface DeliveryRecord {
  id: string;
  type: string;
  channel: string;
  status: string;
  recipient_id: string;
  recipient_kind: string;
  address: string | null;
  requested_language: string;
  language: string | null;
  language_fallback: boolean;
  skip_reason: string | null;
  attempts: number;
  last_error: string | null;
  source_key: string;
  meeting_id: string | null;
}

export interface NotificationsHarness {
  db: TestDatabase;
  prefix: string;
  world: World;
  mail: MailReceiver;
  sms: SmsReceiver;
  rpc: RpcClient;
  nc: NatsConnection;
  orm: MikroORM;
  config: NotificationsConfig;
  /** The replicas running now (one at start). */
  replicas: INestMicroservice[];
  startReplica(): Promise<INestMicroservice>;
  /** Publishes an event as its owner's outbox relay would (Nats-Msg-Id = id). */
  publish<D extends EventDef>(event: D, payload: DataOf<D>, id?: string): Promise<string>;
  deliveries(where?: string, params?: unknown[]): Promise<DeliveryRecord[]>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The notifications service on a fresh database and prefix, with real SMTP and HTTP receivers and the peer stub. */
/** `replicas: 0` starts no service in-process (a test spawns it as a child process). */
export async function startNotificationsHarness(overrides: Partial<NotificationsConfig> = {}, options: { replicas?: number } = {}): Promise<NotificationsHarness> {
  const db = await createTestDatabase('notifications');
  const prefix = testSubjectPrefix();
  await runMigrations('notifications', notificationsOrmConfig(db.migrationUrl));
  const orm = await MikroORM.init(notificationsOrmConfig(db.url));
  const nc = await connectTestNats();
  const jsm = await nc.jetstreamManager();
  await ensureEventStream(jsm, prefix, 'meetings');
  await ensureEventStream(jsm, prefix, 'communities');
  const world = new World();
  const stub = await startPeerStub(world, testNatsUrl(), prefix);
  const mail = new MailReceiver();
  const sms = new SmsReceiver();
  await mail.start();
  await sms.start();
  const config = configWith({
    databaseUrl: db.url,
    natsUrl: testNatsUrl(),
    prefix,
    smtpUrl: mail.url,
    sms: { url: sms.url, format: 'json', auth: 'test-token', from: 'RD' },
    retryBaseMs: 40,
    pollMs: 100,
    maxAttempts: 4,
    consoleUrl: 'http://console.test',
    ...overrides,
  });
  const replicas: INestMicroservice[] = [];
  const startReplica = async () => {
    const app = await createServiceApp(AppModule.forRoot(config), { service: 'notifications', natsUrl: testNatsUrl(), prefix, logger: ['error'] });
    replicas.push(app);
    return app;
  };
  for (let i = 0; i < (options.replicas ?? 1); i += 1) await startReplica();
  const rpc = new RpcClient({ servers: testNatsUrl(), prefix, timeoutMs: 5000 });
  await rpc.connect();
  const publisher = jetStreamPublisher(nc.jetstream(), prefix);
  const sql = <T>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);
  return {
    db,
    prefix,
    world,
    mail,
    sms,
    rpc,
    nc,
    orm,
    config,
    replicas,
    startReplica,
    publish: async (event, payload, id = randomUUID()) => {
      await publisher({ id, subject: event.name, payload: event.schema.parse(payload) as Record<string, unknown>, correlationId: randomUUID(), occurredAt: new Date() });
      return id;
    },
    deliveries: (where = 'true', params = []) => sql<DeliveryRecord>(`select * from "delivery" where ${where} order by "created_at", "id"`, params),
    sql,
    close: async () => {
      await rpc.close();
      for (const app of replicas) await app.close().catch(() => undefined);
      await stub.close();
      await mail.stop();
      await sms.stop();
      await orm.close();
      await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
      await db.drop();
    },
  };
}
