/**
 * `npm run bench`: starts the platform (real Keycloak, PostgreSQL, NATS; fresh databases and subject
 * prefix) and measures the gateway paths. Targets live here, not in timed tests; results go to
 * test-output/bench.json. Loopback only, bounded in count and time. BENCH_ONLY=reporting measures only the reporting
 * summaries (seeding still takes minutes; `npm run bench:reporting` times the same queries without the platform).
 */
import { ensureKeycloak, SERVICES, startPlatform } from '@rd/devstack';
import { adminDatabaseUrl, connectTestNats, deleteStreamsWithPrefix, dropDatabase, getToken, testNatsUrl, testSubjectPrefix } from '@rd/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { reportingBenchRequests, seedReportingReadModel } from './reporting-bench';

const ROOT = join(__dirname, '..', '..');

interface Result {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond?: number;
  target?: string;
}

function summarise(name: string, samples: number[], elapsedMs?: number, target?: string): Result {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    name,
    samples: sorted.length,
    p50: +at(0.5).toFixed(2),
    p95: +at(0.95).toFixed(2),
    p99: +at(0.99).toFixed(2),
    max: +sorted[sorted.length - 1].toFixed(2),
    ...(elapsedMs ? { perSecond: Math.round((sorted.length / elapsedMs) * 1000) } : {}),
    ...(target ? { target } : {}),
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Runs `total` calls with `concurrency` workers; returns latencies and wall time. */
async function load(total: number, concurrency: number, call: () => Promise<void>): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        latencies.push(await timed(call));
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const keycloak = await ensureKeycloak({ log });
  const prefix = testSubjectPrefix();
  const suffix = randomBytes(3).toString('hex');
  const databases = Object.fromEntries(SERVICES.map((s) => [s, `rd_bench_${s}_${suffix}`])) as Record<(typeof SERVICES)[number], string>;
  const platform = await startPlatform({
    natsUrl: testNatsUrl(),
    pgAdminUrl: adminDatabaseUrl(),
    databases,
    prefix,
    gatewayPort: 3320,
    issuerUrl: keycloak.issuerUrl,
    corsOrigins: ['http://localhost:4320'],
    logDir: join(ROOT, 'test-output', 'bench-logs', prefix),
    seedDemo: true,
    log,
    extraEnv: { RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_USER: '1000000' },
  });
  const results: Result[] = [];
  try {
    const token = await getToken('ngo.isfara', undefined, { keycloakUrl: keycloak.url });
    const coordinator = await getToken('coordinator', undefined, { keycloakUrl: keycloak.url });
    const headers = { Authorization: `Bearer ${token}` };
    const get = async (path: string, auth = headers) => {
      const response = await fetch(`${platform.gatewayUrl}${path}`, { headers: auth });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await response.arrayBuffer();
    };

    if (process.env.BENCH_ONLY !== 'reporting') {
      await load(200, 4, () => get('/communities?range=[0,24]')); // warm-up
      const sequential = await load(1000, 1, () => get('/communities?range=[0,24]'));
      results.push(summarise('GET /communities (25 rows), 1 client', sequential.latencies, sequential.elapsedMs, 'p50 < 10 ms'));
      const concurrent = await load(3000, 16, () => get('/communities?range=[0,24]'));
      results.push(summarise('GET /communities (25 rows), 16 clients', concurrent.latencies, concurrent.elapsedMs, 'p99 < 100 ms'));
      const me = await load(2000, 16, () => get('/me'));
      results.push(summarise('GET /me (token check only), 16 clients', me.latencies, me.elapsedMs));

      // A write until it is counted by the reporting read model: outbox → JetStream → consumer → read model.
      const visibility: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        const before = await fetch(`${platform.gatewayUrl}/reports/districts/isfara`, { headers: { Authorization: `Bearer ${coordinator}` } }).then(
          (r) => r.json() as Promise<{ communities: { total: number } }>,
        );
        const started = performance.now();
        const created = await fetch(`${platform.gatewayUrl}/communities`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `Bench ${suffix} ${i}`, districtCode: 'isfara', kind: 'village' }),
        });
        if (created.status !== 201) throw new Error(`create: ${created.status}`);
        for (;;) {
          const report = await fetch(`${platform.gatewayUrl}/reports/districts/isfara`, { headers: { Authorization: `Bearer ${coordinator}` } }).then(
            (r) => r.json() as Promise<{ communities: { total: number } }>,
          );
          if (report.communities.total > before.communities.total) break;
          if (performance.now() - started > 10_000) throw new Error('write not visible within 10 s');
        }
        visibility.push(performance.now() - started);
      }
      results.push(summarise('POST /communities until counted in the district report', visibility, undefined, 'p99 < 1000 ms'));
    }

    // Reporting at national scale: the read model seeded directly with SQL, summaries through the gateway.
    const reportingDb = new URL(adminDatabaseUrl());
    reportingDb.pathname = `/${databases.reporting}`;
    const { communityId } = await seedReportingReadModel(reportingDb.toString(), log);
    // Seeding takes minutes: a fresh token, not the one from the start.
    const asCoordinator = { Authorization: `Bearer ${await getToken('coordinator', undefined, { keycloakUrl: keycloak.url })}` };
    for (const request of reportingBenchRequests(communityId)) {
      await load(5, 1, () => get(request.path, asCoordinator)); // warm-up
      const run = await load(50, 1, () => get(request.path, asCoordinator));
      results.push(summarise(`GET summary: ${request.name}`, run.latencies, run.elapsedMs, 'p50 < 100 ms'));
    }
  } finally {
    await platform.stop();
    for (const name of Object.values(databases)) await dropDatabase(name);
    const nc = await connectTestNats();
    await deleteStreamsWithPrefix(nc, prefix);
    await nc.close();
    await keycloak.stop();
  }
  console.table(results);
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(join(ROOT, 'test-output', 'bench.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
