/**
 * `npm run bench:reporting`: the reporting summaries of `npm run bench` without the platform (no Keycloak, gateway
 * or NATS): seeds the national-scale read model (`reporting-bench.ts`) into a fresh database and times
 * `ReportQueryService` in-process, as the national coordinator (the requests of `npm run bench`) and as the regional
 * reviewer of r0 (no drill-down: the region and district views planned over the region's table). Results go to
 * test-output/reporting-query-bench.json. To time other code against the same data, keep the database
 * (REPORTING_BENCH_KEEP=1) and pass its URL back (REPORTING_BENCH_DATABASE_URL=...; seeding takes minutes).
 */
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@rd/contracts';
import { runMigrations } from '@rd/persistence';
import { createTestDatabase } from '@rd/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportingOrmConfig } from '../../services/reporting/src/orm.config';
import { ReportQueryService } from '../../services/reporting/src/reports/report-query.service';
import { reportingBenchRequests, REPORTING_SCALE, seedReportingReadModel } from './reporting-bench';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = Number(process.env.REPORTING_BENCH_SAMPLES ?? 30);

const coordinator: Actor = { userId: 'c', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const reviewer: Actor = { userId: 'r', username: 'reviewer.r0', roles: ['regional-reviewer'], scope: { national: false, regions: ['r0'], districts: [] } };

/** `/reports/summary?level=…` and `/reports/timeseries?…` of `npm run bench` as query calls. */
function callOf(query: ReportQueryService, actor: Actor, path: string): () => Promise<unknown> {
  const url = new URL(path, 'http://bench');
  const p = url.searchParams;
  const input = { level: p.get('level') as never, code: p.get('code') ?? undefined, from: p.get('from') as string, to: p.get('to') ?? undefined };
  return url.pathname.endsWith('timeseries') ? () => query.timeSeries(actor, input) : () => query.summary(actor, input);
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench:reporting] ${line}`);
  let url = process.env.REPORTING_BENCH_DATABASE_URL;
  let drop: (() => Promise<void>) | null = null;
  if (!url) {
    const db = await createTestDatabase('reporting');
    await runMigrations('reporting', reportingOrmConfig(db.migrationUrl));
    await seedReportingReadModel(db.superuserUrl, log);
    url = db.url;
    if (process.env.REPORTING_BENCH_KEEP) log(`kept: REPORTING_BENCH_DATABASE_URL=${url} (drop database ${db.name} when done)`);
    else drop = db.drop;
  }
  const orm = await MikroORM.init(reportingOrmConfig(url));
  const results: { name: string; samples: number; p50: number; p95: number; max: number }[] = [];
  try {
    const query = new ReportQueryService(orm.em, { suppressionThreshold: 5 });
    const last = `${REPORTING_SCALE.firstYear + REPORTING_SCALE.quarters / 4 - 1}-Q4`;
    const range = `from=${REPORTING_SCALE.firstYear}-Q1&to=${last}`;
    const [{ code: communityId }] = await orm.em.fork().execute<{ code: string }[]>(`select code from report_cell where level = 'community' and district_code = 'd00' order by code limit 1`);
    const requests = [
      ...reportingBenchRequests(communityId).map((r) => ({ name: `coordinator: ${r.name}`, call: callOf(query, coordinator, r.path) })),
      ...[
        { name: 'reviewer: region, 1 quarter', path: `/reports/summary?level=region&code=r0&from=${last}` },
        { name: 'reviewer: region, 40 quarters', path: `/reports/summary?level=region&code=r0&${range}` },
        { name: 'reviewer: district, 1 quarter (no drill-down)', path: `/reports/summary?level=district&code=d00&from=${last}` },
        { name: 'reviewer: district, 40 quarters (no drill-down)', path: `/reports/summary?level=district&code=d00&${range}` },
        { name: 'reviewer: time series, region, 40 quarters', path: `/reports/timeseries?level=region&code=r0&${range}` },
      ].map((r) => ({ name: r.name, call: callOf(query, reviewer, r.path) })),
    ];
    for (const request of requests) {
      for (let i = 0; i < 3; i += 1) await request.call(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const started = performance.now();
        await request.call();
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      const at = (q: number) => +samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
      results.push({ name: request.name, samples: samples.length, p50: at(0.5), p95: at(0.95), max: at(1) });
      log(`${request.name}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
    }
  } finally {
    await orm.close();
    await drop?.();
  }
  console.table(results);
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(join(ROOT, 'test-output', 'reporting-query-bench.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
