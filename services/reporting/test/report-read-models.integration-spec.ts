import { EntityManager } from '@mikro-orm/postgresql';
import type { INestMicroservice } from '@nestjs/common';
import { ErrorCode, GetReportSummaryQryV1, type Actor, type ReportLevel, type ReportMeasures } from '@rd/contracts';
import { createServiceApp, ensureEventStream, jetStreamPublisher, RpcClient, RpcError } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, eventually, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { reportingOrmConfig } from '../src/orm.config';
import { ReportingEventsConsumer } from '../src/reporting-events.consumer';
import { dropReadModels, READ_MODEL_TABLES, waitForCatchUp } from '../src/reports/read-model-rebuild';
import { ReportProjectionService } from '../src/reports/report-projection.service';
import { ReportQueryService } from '../src/reports/report-query.service';
import { eventsOf, generateWorld, rng, type ModelEvent, type World } from './support/report-model';
import { oracleMeasures } from './support/report-oracle';
import { checkHierarchy, checkShownAgainstOracle, flatMeasures, flatOracle, hiddenPaths } from './support/shown-vs-oracle';

const national: Actor = { userId: 'c', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const reviewerSughd: Actor = { userId: 'r', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const policeIsfara: Actor = { userId: 'p', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };

describe('reporting read models: events to numbers (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let prefix: string;
  let app: INestMicroservice;
  let nc: NatsConnection;
  let rpc: RpcClient;

  const start = async (now?: Date) => {
    const clock = now ? () => now : undefined;
    app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix, clock, exports: { workerEnabled: false } }), {
      service: 'reporting',
      natsUrl: testNatsUrl(),
      prefix,
      logger: ['error'],
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase('reporting');
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    const jsm = await nc.jetstreamManager();
    await ensureEventStream(jsm, prefix, 'communities');
    await ensureEventStream(jsm, prefix, 'meetings');
    await runMigrations('reporting', reportingOrmConfig(db.migrationUrl));
    await start();
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

  const em = () => app.get(EntityManager).fork();
  const setClock = (now: Date) => {
    app.get(ReportProjectionService).clock = () => now;
    app.get(ReportQueryService).clock = () => now;
  };

  // TRUNCATE is the owner's (the app role has DML only), as in rebuild.ts.
  const truncate = async () => {
    const owner = new Client({ connectionString: db.migrationUrl });
    await owner.connect();
    try {
      await owner.query(`truncate ${READ_MODEL_TABLES.map((t) => `"${t}"`).join(', ')}`);
      await owner.query(`delete from inbox_message where consumer like 'reporting\\_\\_%'`);
    } finally {
      await owner.end();
    }
  };

  /** Applies an event as its durable consumer would, without NATS (the projection is the same code). */
  const apply = async (event: ModelEvent, messageId: string = randomUUID()) => {
    await app.get(ReportingEventsConsumer).applyEvent(event.name, event.payload, messageId);
  };

  const units = (world: World): { level: ReportLevel; code: string | null }[] => [
    { level: 'country', code: null },
    ...[...new Set(world.districts.map((d) => d.region))].map((code) => ({ level: 'region' as const, code })),
    ...world.districts.map((d) => ({ level: 'district' as const, code: d.code })),
    ...world.communities.map((c) => ({ level: 'community' as const, code: c.id })),
  ];

  /**
   * Every unit × several periods × suppression on and off: every number shown = the oracle's (computed without
   * suppression), and what is hidden is hidden by the rules the oracle can check (`shown-vs-oracle.ts`): small groups,
   * at least what the cell-by-cell rule hid, no sum with one hidden term, across breakdowns and between a unit and its
   * children. Which further cells the plan hides depends on the whole table and is audited by solving the attacker's
   * linear program (report-suppression-audit.integration-spec.ts).
   */
  const compareAll = async (world: World, threshold = 5) => {
    const query = app.get(ReportQueryService);
    const periods: [string, string][] = [
      ['2025-Q1', '2025-Q1'],
      ['2025-Q2', '2025-Q3'],
      ['2025-Q4', '2025-Q4'],
      ['2026-Q1', '2026-Q1'],
      ['2025-Q1', '2026-Q2'],
      // Whole years long over are read from the year cells.
      ['2024-Q1', '2024-Q4'],
      ['2023-Q3', '2026-Q1'],
    ];
    let hiddenSeen = 0;
    let beyondCellByCell = 0;
    for (const unit of units(world)) {
      for (const [from, to] of periods) {
        for (const suppress of [false, true]) {
          const summary = await query.summary(national, { level: unit.level, code: unit.code ?? undefined, from, to, suppress });
          const applied = suppress || unit.level === 'country' || unit.level === 'region';
          expect(summary.suppression).toEqual({ threshold, applied });
          const oneQuarter = from === to;
          const check = (of: { level: ReportLevel; code: string | null }, measures: ReportMeasures) => {
            const actual = flatMeasures(measures);
            const exact = flatOracle(oracleMeasures(world, of, from, to, { suppress: false, threshold }));
            const cellByCell = flatOracle(oracleMeasures(world, of, from, to, { suppress: applied, threshold }));
            const problems = checkShownAgainstOracle(actual, exact, { applied, threshold, oneQuarter });
            hiddenSeen += hiddenPaths(actual).size;
            beyondCellByCell += hiddenPaths(actual).size - hiddenPaths(cellByCell).size;
            return { actual, exact, problems, name: of.code ?? '' };
          };
          const own = check(unit, summary.measures);
          const children = summary.children.map((c) => check({ level: c.unit.level, code: c.unit.code }, c.measures));
          const problems = [...own.problems, ...children.flatMap((c) => c.problems.map((p) => `child ${c.name}: ${p}`))];
          if (applied && children.length > 0) problems.push(...checkHierarchy(own, children, { threshold, oneQuarter }));
          // A readable failure names the unit and period.
          expect({ unit, from, to, suppress, problems }).toEqual({ unit, from, to, suppress, problems: [] });
          expect(summary.measures.reportingRate.held).toBeLessThanOrEqual(summary.measures.reportingRate.expected);
        }
      }
    }
    // The worlds have small groups: the checks above are not vacuous.
    expect(hiddenSeen).toBeGreaterThan(0);
    return { hiddenSeen, beyondCellByCell };
  };

  it('should match an independent computation for every unit and period, whatever order and however often events arrive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        await truncate();
        const world = generateWorld(seed);
        setClock(world.now);
        const r = rng(seed ^ 0x5eed);
        const events = r.shuffle(eventsOf(world));
        const withDuplicates: { event: ModelEvent; id: string }[] = [];
        for (const event of events) {
          const id = randomUUID();
          withDuplicates.push({ event, id });
          // A redelivery (same id: the inbox drops it) or a republish (new id: the facts absorb it).
          if (r.chance(0.05)) withDuplicates.push({ event, id: r.chance(0.5) ? id : randomUUID() });
        }
        const t0 = Date.now();
        for (const { event, id } of withDuplicates) await apply(event, id);
        const t1 = Date.now();
        const { hiddenSeen, beyondCellByCell } = await compareAll(world);
        process.stdout.write(
          `[reporting] seed ${seed}: ${withDuplicates.length} events applied in ${t1 - t0} ms, compared in ${Date.now() - t1} ms; ${hiddenSeen} cells hidden, ${beyondCellByCell} more than cell by cell\n`,
        );
      }),
      { numRuns: Number(process.env.REPORT_PROPERTY_RUNS ?? 2), endOnFailure: true },
    );
  }, 600_000);

  it('should give the same numbers when each consumer applies what it has at hand as one batch (catching up)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        await truncate();
        const world = generateWorld(seed);
        setClock(world.now);
        const r = rng(seed ^ 0xba7c4);
        const events = r.shuffle(eventsOf(world));
        const consumer = app.get(ReportingEventsConsumer);
        const t0 = Date.now();
        // As the durable consumers do after a stop: each pull (here 1 to 80 events of the stream) is applied one batch
        // per event type, duplicates (a redelivery with the same id) included.
        let batches = 0;
        for (let i = 0; i < events.length; ) {
          const pull = events.slice(i, (i += r.int(1, 80)));
          const byName = new Map<string, { payload: unknown; messageId: string }[]>();
          for (const event of pull) {
            const items = byName.get(event.name) ?? [];
            const messageId = randomUUID();
            items.push({ payload: event.payload, messageId });
            if (r.chance(0.05)) items.push({ payload: event.payload, messageId });
            byName.set(event.name, items);
          }
          for (const [name, items] of byName) {
            await consumer.applyEvents(name, items);
            batches += 1;
          }
        }
        const t1 = Date.now();
        await compareAll(world);
        process.stdout.write(`[reporting] seed ${seed}: ${events.length} events applied in ${batches} batches in ${t1 - t0} ms\n`);
      }),
      { numRuns: Number(process.env.REPORT_PROPERTY_RUNS ?? 2), endOnFailure: true },
    );
  }, 600_000);

  it('should count a meeting held at 23:30 UTC on 31 March in Asia/Dushanbe as late for Q1, and on time in a UTC district', async () => {
    await truncate();
    const now = new Date('2026-04-10T00:00:00Z');
    setClock(now);
    for (const [district, region, timeZone] of [['isfara', 'sughd', 'Asia/Dushanbe'], ['greenwich', 'west', 'UTC']] as const) {
      const communityId = randomUUID();
      const meetingId = randomUUID();
      const where = { meetingId, communityIds: [communityId], districtCode: district, regionCode: region };
      await apply({ name: 'communities.evt.community.created.v1', payload: { communityId, districtCode: district, regionCode: region, kind: 'village', status: 'proposed', occurredAt: '2025-12-01T00:00:00Z' } });
      await apply({ name: 'communities.evt.community.activated.v1', payload: { communityId, districtCode: district, regionCode: region, from: 'onboarding', to: 'active', occurredAt: '2025-12-15T00:00:00Z' } });
      await apply({ name: 'meetings.evt.meeting.scheduled.v1', payload: { ...where, communityIds: [communityId], scheduledFor: '2026-03-31T10:00:00Z', quarter: '2026-Q1', timeZone, occurredAt: '2026-03-01T00:00:00Z' } });
      await apply({
        name: 'meetings.evt.meeting.held.v1',
        payload: { ...where, quarter: '2026-Q1', kind: 'local', organisedBy: 'police', heldAt: '2026-03-31T23:30:00Z', startsAt: '2026-03-31T10:00:00Z', timeZone },
      });
    }
    const query = app.get(ReportQueryService);
    const rate = async (code: string) => (await query.summary(national, { level: 'district', code, from: '2026-Q1' })).measures.reportingRate;
    expect(await rate('isfara')).toMatchObject({ expected: 1, held: 1, heldOnTime: 0, overdue: 0 });
    expect(await rate('greenwich')).toMatchObject({ expected: 1, held: 1, heldOnTime: 1, overdue: 0 });
  });

  it('should expect a reporting day only for quarters a community was active in for half of, or held one in, and decide overdue in the district zone', async () => {
    await truncate();
    // 20:00 UTC on 31 March: already 1 April in Dushanbe (Q1 over there), still 31 March in a UTC district.
    setClock(new Date('2026-03-31T20:00:00Z'));
    const community = async (district: string, region: string, activated: string, paused?: string) => {
      const communityId = randomUUID();
      await apply({ name: 'communities.evt.community.created.v1', payload: { communityId, districtCode: district, regionCode: region, kind: 'village', status: 'proposed', occurredAt: '2025-06-01T00:00:00Z' } });
      await apply({ name: 'communities.evt.community.activated.v1', payload: { communityId, districtCode: district, regionCode: region, from: 'onboarding', to: 'active', occurredAt: activated } });
      if (paused) await apply({ name: 'communities.evt.community.paused.v1', payload: { communityId, districtCode: district, regionCode: region, from: 'active', to: 'paused', occurredAt: paused } });
      return communityId;
    };
    // Time zones come from meeting events: one cancelled meeting per district tells them.
    for (const [district, region, timeZone] of [['isfara', 'sughd', 'Asia/Dushanbe'], ['greenwich', 'west', 'UTC']] as const) {
      const id = await community(district, region, '2026-01-01T00:00:00Z');
      const meetingId = randomUUID();
      const where = { meetingId, communityIds: [id], districtCode: district, regionCode: region };
      await apply({ name: 'meetings.evt.meeting.scheduled.v1', payload: { ...where, scheduledFor: '2026-03-20T10:00:00Z', quarter: '2026-Q1', timeZone, occurredAt: '2026-03-01T00:00:00Z' } });
      await apply({ name: 'meetings.evt.meeting.cancelled.v1', payload: { ...where, quarter: '2026-Q1', from: 'scheduled', scheduledFor: '2026-03-20T10:00:00Z', inviteeContactIds: [], inviteeOrganisationIds: [], occurredAt: '2026-03-10T00:00:00Z' } });
    }
    const late = await community('isfara', 'sughd', '2026-02-20T00:00:00Z'); // onboarded mid-quarter: 40 of 90 days → not expected in Q1
    await community('isfara', 'sughd', '2025-10-01T00:00:00Z', '2026-01-20T00:00:00Z'); // paused after 19 days → not expected in Q1
    const query = app.get(ReportQueryService);
    const rate = async (level: ReportLevel, code?: string) => (await query.summary(national, { level, code, from: '2026-Q1' })).measures.reportingRate;
    expect(await rate('district', 'isfara')).toMatchObject({ expected: 1, held: 0, overdue: 1, notScheduled: 1, meetingsCancelled: 1, rate: 0 });
    expect(await rate('district', 'greenwich')).toMatchObject({ expected: 1, held: 0, overdue: 0, notScheduled: 1 });
    expect(await rate('country')).toMatchObject({ expected: 2, overdue: 1 });
    const missing = await query.missing(national, { level: 'country', quarter: '2026-Q1' });
    // The rate counts two; the late one is listed after them, not expected (the paused one is not active: not listed).
    expect({ total: missing.total, expectedTotal: missing.expectedTotal }).toEqual({ total: 3, expectedTotal: 2 });
    expect(missing.items.map((i) => [i.districtCode, i.reason, i.expected])).toEqual([
      ['greenwich', 'cancelled', true],
      ['isfara', 'cancelled', true],
      ['isfara', 'not-scheduled', false],
    ]);
    expect(missing.items[2].communityId).toBe(late);
  });

  // Issue 15 (a defect): a community activated too late in the quarter to count in its rate vanished from the list of
  // communities without a reporting day, exactly when it most needs its first one. This failed before the fix.
  it('should list every active community without a reporting day this quarter, one activated too late marked not expected', async () => {
    await truncate();
    setClock(new Date('2026-03-10T08:00:00Z'));
    const activate = async (activated: string, then?: { paused?: string; held?: string; scheduled?: string }) => {
      const communityId = randomUUID();
      const place = { districtCode: 'isfara', regionCode: 'sughd' };
      const where = { communityIds: [communityId], ...place };
      await apply({ name: 'communities.evt.community.created.v1', payload: { communityId, ...place, kind: 'village', status: 'proposed', occurredAt: '2025-06-01T00:00:00Z' } });
      await apply({ name: 'communities.evt.community.activated.v1', payload: { communityId, ...place, from: 'onboarding', to: 'active', occurredAt: activated } });
      if (then?.paused) await apply({ name: 'communities.evt.community.paused.v1', payload: { communityId, ...place, from: 'active', to: 'paused', occurredAt: then.paused } });
      const meetingId = randomUUID();
      const scheduledFor = then?.held ?? then?.scheduled;
      if (scheduledFor) {
        await apply({ name: 'meetings.evt.meeting.scheduled.v1', payload: { meetingId, ...where, scheduledFor, quarter: '2026-Q1', timeZone: 'Asia/Dushanbe', occurredAt: activated } });
      }
      if (then?.held) {
        await apply({ name: 'meetings.evt.meeting.held.v1', payload: { meetingId, ...where, quarter: '2026-Q1', kind: 'local', organisedBy: 'police', heldAt: then.held, timeZone: 'Asia/Dushanbe' } });
      }
      return { communityId, meetingId };
    };
    const since2025 = await activate('2025-10-01T00:00:00Z');
    const lateNothing = await activate('2026-03-01T00:00:00Z');
    const lateScheduled = await activate('2026-02-25T00:00:00Z', { scheduled: '2026-03-25T06:00:00Z' });
    await activate('2026-02-25T00:00:00Z', { held: '2026-03-05T06:00:00Z' }); // held: it has its reporting day
    await activate('2026-02-25T00:00:00Z', { paused: '2026-03-01T00:00:00Z' }); // not active any more
    const query = app.get(ReportQueryService);
    const missing = await query.missing(policeIsfara, { level: 'district', code: 'isfara', quarter: '2026-Q1' });
    expect({ total: missing.total, expectedTotal: missing.expectedTotal }).toEqual({ total: 3, expectedTotal: 1 });
    const row = (id: string) => missing.items.find((i) => i.communityId === id);
    expect(missing.items[0]).toMatchObject({ communityId: since2025.communityId, expected: true, reason: 'not-scheduled' });
    expect(row(lateNothing.communityId)).toMatchObject({ expected: false, reason: 'not-scheduled', status: 'active', nextMeeting: null });
    expect(row(lateScheduled.communityId)).toMatchObject({ expected: false, reason: 'scheduled', nextMeeting: { meetingId: lateScheduled.meetingId } });
    // The rate is unchanged: it counts the expected one only.
    expect((await query.summary(national, { level: 'district', code: 'isfara', from: '2026-Q1' })).measures.reportingRate).toMatchObject({ expected: 2, held: 1 });
    // Paging goes over all of them.
    const second = await query.missing(policeIsfara, { level: 'district', code: 'isfara', quarter: '2026-Q1', offset: 1, limit: 2 });
    expect(second.items.map((i) => i.communityId)).toEqual(missing.items.slice(1).map((i) => i.communityId));
  });

  it('should suppress cells under the configured threshold, for reviewers always, and keep reviewers to their region', async () => {
    await truncate();
    setClock(new Date('2026-04-10T00:00:00Z'));
    const communityId = randomUUID();
    const meetingId = randomUUID();
    const where = { meetingId, communityIds: [communityId], districtCode: 'isfara', regionCode: 'sughd' };
    await apply({ name: 'communities.evt.community.created.v1', payload: { communityId, districtCode: 'isfara', regionCode: 'sughd', kind: 'village', status: 'active', occurredAt: '2025-01-01T00:00:00Z' } });
    await apply({ name: 'meetings.evt.meeting.held.v1', payload: { ...where, quarter: '2026-Q1', kind: 'local', organisedBy: 'ngo', heldAt: '2026-02-01T10:00:00Z', timeZone: 'Asia/Dushanbe' } });
    const row = (n: number) => ({ under18: 0, from18to29: n, from30to59: 0, from60: 0 });
    await apply({
      name: 'meetings.evt.meeting.attendance-recorded.v1',
      payload: { meetingId, districtCode: 'isfara', regionCode: 'sughd', counts: { women: row(4), men: row(5), other: row(0) }, total: 9, communityCount: 0, organisationsPresent: 0, officialsPresent: 2, staffIntroduced: 0, occurredAt: '2026-02-01T12:00:00Z' },
    });
    const query = app.get(ReportQueryService);
    const at = (threshold: number, actor: Actor, suppress: boolean) =>
      new ReportQueryService(app.get(EntityManager), { suppressionThreshold: threshold }).summary(actor, { level: 'district', code: 'isfara', from: '2026-Q1', suppress });
    query.clock = () => new Date('2026-04-10T00:00:00Z');
    // District role, own district: no suppression unless asked.
    expect((await at(5, policeIsfara, false)).measures.attendance.byGender.women).toEqual({ value: 4, n: 4, suppressed: false });
    // Asked (exports) at 5: 4 women hidden, and the 5 men with them (9 - 5 - 0 would give the women back); 0 other
    // shown; the women share would reveal them.
    const suppressed = (await at(5, policeIsfara, true)).measures.attendance;
    expect(suppressed.byGender).toEqual({ women: { value: null, n: null, suppressed: true }, men: { value: null, n: null, suppressed: true }, other: { value: 0, n: 0, suppressed: false } });
    expect(suppressed.womenShare.suppressed).toBe(true);
    expect(suppressed.total).toBe(9);
    // Threshold 4: the 4 women are shown.
    expect((await at(4, policeIsfara, true)).measures.attendance.byGender.women.suppressed).toBe(false);
    // The reviewer always gets suppression and never community children.
    const reviewer = await at(5, reviewerSughd, false);
    expect(reviewer.suppression.applied).toBe(true);
    expect(reviewer.drillDown).toBe(false);
    expect(reviewer.children).toEqual([]);
    expect(reviewer.measures.attendance.byGender.women.suppressed).toBe(true);
    const region = await query.summary(reviewerSughd, { level: 'region', code: 'sughd', from: '2026-Q1' });
    expect(region.children.map((c) => c.unit.code)).toEqual(['isfara']);
    for (const attempt of [
      () => query.summary(reviewerSughd, { level: 'region', code: 'batken', from: '2026-Q1' }),
      () => query.summary(reviewerSughd, { level: 'country', from: '2026-Q1' }),
      () => query.summary(policeIsfara, { level: 'region', code: 'sughd', from: '2026-Q1' }),
      () => query.summary(policeIsfara, { level: 'district', code: 'batken', from: '2026-Q1' }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
    await expect(query.summary(reviewerSughd, { level: 'community', code: communityId, from: '2026-Q1' })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(query.missing(reviewerSughd, { level: 'district', code: 'isfara', quarter: '2026-Q1' })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    // The district role drills down to its communities.
    const own = await query.summary(policeIsfara, { level: 'district', code: 'isfara', from: '2026-Q1' });
    expect(own.children.map((c) => c.unit.code)).toEqual([communityId]);
  });

  it('should build the same numbers from the streams, and again after dropping the read models and replaying the history', async () => {
    await truncate();
    const world = generateWorld(4242);
    setClock(world.now);
    const publish = jetStreamPublisher(nc.jetstream(), prefix);
    for (const event of eventsOf(world)) {
      await publish({ id: randomUUID(), subject: event.name, payload: event.payload, correlationId: 'rebuild', occurredAt: new Date() });
    }
    await waitForCatchUp(nc, prefix, 120_000);
    // Through NATS request-reply too.
    const viaRpc = await rpc.request(GetReportSummaryQryV1, national, { level: 'country', from: '2025-Q1', to: '2026-Q2', suppress: false }, { correlationId: 't' });
    const country = { level: 'country' as const, code: null };
    const exact = flatOracle(oracleMeasures(world, country, '2025-Q1', '2026-Q2', { suppress: false, threshold: 5 }));
    expect(checkShownAgainstOracle(flatMeasures(viaRpc.measures), exact, { applied: true, threshold: 5, oneQuarter: false })).toEqual([]);
    await compareAll(world);
    const snapshot = async () =>
      em().execute<{ level: string; code: string; quarter: string; counts: unknown }[]>('select level, code, quarter, counts, due_days from report_cell order by level, code, quarter');
    const compliance = async () => em().execute('select * from community_quarter order by community_id, quarter');
    const before = await snapshot();
    const complianceBefore = await compliance();
    expect(before.length).toBeGreaterThan(50);

    await app.close();
    const deleted = await (async () => {
      // The service is stopped: drop with a short-lived app-less EntityManager, as the owner like rebuild.ts.
      const { MikroORM } = await import('@mikro-orm/postgresql');
      const orm = await MikroORM.init(reportingOrmConfig(db.migrationUrl));
      try {
        return await dropReadModels(orm.em, nc, prefix);
      } finally {
        await orm.close();
      }
    })();
    expect(deleted).toContain('reporting__meeting-held-v1');
    expect(deleted).toContain('reporting__community-created-v1');
    await start(world.now);
    await eventually(async () => expect((await snapshot()).length).toBeGreaterThan(0), 30_000);
    await waitForCatchUp(nc, prefix, 120_000);
    expect(await snapshot()).toEqual(before);
    expect(await compliance()).toEqual(complianceBefore);
    await compareAll(world);
  });

  it('should answer NOT_FOUND over NATS for a district outside the scope', async () => {
    const error = await rpc.request(GetReportSummaryQryV1, policeIsfara, { level: 'district', code: 'batken', from: '2026-Q1', suppress: false }, { correlationId: 't' }).catch((e: unknown) => e);
    expect((error as RpcError).payload.code).toBe(ErrorCode.NotFound);
  });
});
