import { MikroORM } from '@mikro-orm/postgresql';
import type { INestMicroservice } from '@nestjs/common';
import { createServiceApp, RpcClient } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import type { NatsConnection } from 'nats';
import { AppModule } from '../../src/app.module';
import { meetingsOrmConfig } from '../../src/orm.config';
import { startCommunitiesStub } from './communities-stub';

export interface MeetingsHarness {
  db: TestDatabase;
  prefix: string;
  app: INestMicroservice;
  rpc: RpcClient;
  nc: NatsConnection;
  orm: MikroORM;
  close(): Promise<void>;
}

/**
 * The meetings service on a fresh, migrated database with its own subject prefix, and a communities stub answering
 * the place and reference look-ups (communities-stub.ts).
 */
export async function startMeetingsHarness(): Promise<MeetingsHarness> {
  const db = await createTestDatabase('meetings');
  const prefix = testSubjectPrefix();
  await runMigrations('meetings', meetingsOrmConfig(db.migrationUrl));
  const orm = await MikroORM.init(meetingsOrmConfig(db.url));
  const nc = await connectTestNats();
  const communities = await startCommunitiesStub(testNatsUrl(), prefix);
  const app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix }), {
    service: 'meetings',
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
      await communities.close();
      await orm.close();
      await deleteStreamsWithPrefix(nc, prefix);
      await nc.close();
      await db.drop();
    },
  };
}
