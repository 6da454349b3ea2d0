import { MikroORM } from '@mikro-orm/postgresql';
import type { INestMicroservice } from '@nestjs/common';
import { createServiceApp, RpcClient, RpcError } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import type { NatsConnection } from 'nats';
import { AppModule } from '../../src/app.module';
import { communitiesOrmConfig } from '../../src/orm.config';
import { seedGeography } from '../../src/seeders/demo.seeder';

export interface CommunitiesHarness {
  db: TestDatabase;
  prefix: string;
  app: INestMicroservice;
  rpc: RpcClient;
  nc: NatsConnection;
  orm: MikroORM;
  close(): Promise<void>;
}

/**
 * The communities service on a fresh, migrated database with the reference geography and its own
 * subject prefix; `beforeStart` runs once NATS is connected, before the service subscribes.
 */
export async function startCommunitiesHarness(beforeStart?: (nc: NatsConnection, prefix: string) => Promise<void>): Promise<CommunitiesHarness> {
  const db = await createTestDatabase('communities');
  const prefix = testSubjectPrefix();
  await runMigrations('communities', communitiesOrmConfig(db.migrationUrl));
  const orm = await MikroORM.init(communitiesOrmConfig(db.url));
  await seedGeography(orm.em.fork());
  const nc = await connectTestNats();
  await beforeStart?.(nc, prefix);
  const app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix }), {
    service: 'communities',
    natsUrl: testNatsUrl(),
    prefix,
    logger: ['error'],
  });
  const rpc = new RpcClient({ servers: testNatsUrl(), prefix, timeoutMs: 5000 });
  await rpc.connect();
  return {
    db,
    prefix,
    app,
    rpc,
    nc,
    orm,
    close: async () => {
      await rpc.close();
      await app.close();
      await orm.close();
      await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
      await db.drop();
    },
  };
}

/** The refusal a request got: fails the test when it succeeded or failed otherwise than by an RPC error. */
export async function refusal(promise: Promise<unknown>): Promise<RpcError['payload']> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return (error as RpcError).payload;
}
