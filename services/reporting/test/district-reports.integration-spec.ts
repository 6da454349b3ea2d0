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
    await runMigrations('reporting', reportingOrmConfig(db.migrationUrl));
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

  it('should move a community between statuses on its status events, whatever order they arrive in', async () => {
    const communityId = randomUUID();
    const t0 = Date.now();
    const status = (subject: string, from: string, to: string, offsetMs: number) => ({
      id: randomUUID(),
      subject,
      payload: { communityId, districtCode: 'leninabad', regionCode: 'sughd', from, to, occurredAt: new Date(t0 + offsetMs).toISOString() },
      correlationId: 'test',
      occurredAt: new Date(),
    });
    // Activated arrives before onboarding-started and before created: the newest event still wins.
    await publish(status('communities.evt.community.activated.v1', 'onboarding', 'active', 2000));
    await publish(status('communities.evt.community.onboarding-started.v1', 'proposed', 'onboarding', 1000));
    const createdEvent = created('leninabad', 'sughd', communityId);
    await publish({ ...createdEvent, payload: { ...createdEvent.payload, occurredAt: new Date(t0).toISOString() } });
    await eventually(async () => {
      const r = await report(national, 'leninabad');
      expect(r.communities).toMatchObject({ total: 1, byStatus: { active: 1 } });
    });
    await publish(status('communities.evt.community.paused.v1', 'active', 'paused', 3000));
    await eventually(async () => expect((await report(national, 'leninabad')).communities.byStatus).toMatchObject({ active: 0, paused: 1 }));
  });
});
