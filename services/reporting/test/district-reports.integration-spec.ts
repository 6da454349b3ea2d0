import type { INestMicroservice } from '@nestjs/common';
import { CommunityCreatedEvtV1, ErrorCode, GetDistrictReportQryV1, type Actor } from '@rd/contracts';
import { createServiceApp, ensureEventStream, jetStreamPublisher, RpcClient, RpcError } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, eventually, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { AppModule } from '../src/app.module';
import { reportingOrmConfig } from '../src/orm.config';

const national: Actor = { userId: 'c', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const reviewerSughd: Actor = { userId: 'r', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const policeBatken: Actor = { userId: 'p', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };

describe('reporting district read model (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let prefix: string;
  let app: INestMicroservice;
  let rpc: RpcClient;
  let nc: NatsConnection;
  let publish: ReturnType<typeof jetStreamPublisher>;
  const ctx = { correlationId: 'test' };

  beforeAll(async () => {
    db = await createTestDatabase('reporting');
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    await ensureEventStream(await nc.jetstreamManager(), prefix, 'communities');
    publish = jetStreamPublisher(nc.jetstream(), prefix);
    await runMigrations('reporting', reportingOrmConfig(db.url));
    app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix }), {
      service: 'reporting',
      natsUrl: testNatsUrl(),
      prefix,
      logger: ['error'],
    });
    rpc = new RpcClient({ servers: testNatsUrl(), prefix });
    await rpc.connect();
  });

  afterAll(async () => {
    await rpc?.close();
    await app?.close();
    await deleteStreamsWithPrefix(nc, prefix);
    await nc?.close();
    await db?.drop();
  });

  const created = (districtCode: string, regionCode: string, communityId = randomUUID()) => ({
    id: randomUUID(),
    subject: CommunityCreatedEvtV1.name,
    payload: { communityId, districtCode, regionCode, kind: 'village', status: 'proposed', occurredAt: new Date().toISOString() },
    correlationId: 'test',
    occurredAt: new Date(),
  });

  const report = (actor: Actor, districtCode: string) => rpc.request(GetDistrictReportQryV1, actor, { districtCode }, ctx);

  it('should count a community once its community.created event arrives', async () => {
    await publish(created('isfara', 'sughd'));
    await publish(created('isfara', 'sughd'));
    const result = await eventually(async () => {
      const r = await report(national, 'isfara');
      expect(r.communities.total).toBe(2);
      return r;
    });
    expect(result).toMatchObject({ districtCode: 'isfara', regionCode: 'sughd', communities: { byStatus: { proposed: 2, active: 0 } } });
  });

  it('should apply the same community twice only once, even under another message id', async () => {
    const event = created('khujand', 'sughd');
    await publish(event);
    await publish({ ...event, id: randomUUID() });
    await publish(created('khujand', 'sughd'));
    await eventually(async () => expect((await report(national, 'khujand')).communities.total).toBe(2));
  });

  it('should show a region reviewer every district of the region and nothing else', async () => {
    await publish(created('batken', 'batken'));
    await eventually(async () => expect((await report(national, 'batken')).communities.total).toBe(1));
    await expect(report(reviewerSughd, 'isfara')).resolves.toMatchObject({ districtCode: 'isfara' });
    const error = await report(reviewerSughd, 'batken').catch((e: unknown) => e);
    expect((error as RpcError).payload.code).toBe(ErrorCode.NotFound);
  });

  it('should answer zeros for a district in scope that no event mentioned, and NOT_FOUND outside scope', async () => {
    await expect(report({ ...policeBatken, scope: { ...policeBatken.scope, districts: ['leilek'] } }, 'leilek')).resolves.toMatchObject({
      communities: { total: 0 },
      regionCode: null,
    });
    const error = await report(policeBatken, 'isfara').catch((e: unknown) => e);
    expect((error as RpcError).payload.code).toBe(ErrorCode.NotFound);
  });
});
