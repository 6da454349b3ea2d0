import type { INestMicroservice } from '@nestjs/common';
import {
  ErrorCode,
  EXPORT_CHUNK_BYTES,
  GetReportExportQryV1,
  ListReportExportsQryV1,
  ReadReportExportContentQryV1,
  RenderReportCsvQryV1,
  RequestReportExportCmdV1,
  type Actor,
  type ExportJobView,
  type ReportExportInput,
} from '@rd/contracts';
import { createServiceApp, ensureEventStream, RpcClient, RpcError } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, eventually, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { Workbook } from 'exceljs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import type { ExportsOptions } from '../src/exports/exports.options';
import { reportingOrmConfig } from '../src/orm.config';

const REPO_ROOT = resolve(__dirname, '../../..');
const national: Actor = { userId: 'coordinator-id', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const reviewerSughd: Actor = { userId: 'reviewer-id', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const ngoIsfara: Actor = { userId: 'ngo-id', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const policeBatken: Actor = { userId: 'police-id', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
// Fast heartbeats so a dead worker is noticed within seconds; a pause between steps so a job lasts long enough to watch.
const FAST: Partial<ExportsOptions> = { pollMs: 100, heartbeatMs: 150, staleAfterMs: 1500, throttleMs: 120 };

describe('report export jobs (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let prefix: string;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let pg: Client;
  let filesDir: string;
  const apps: INestMicroservice[] = [];
  const ctx = { correlationId: 'test', timeoutMs: 15_000 };

  const startReplica = async (exports: Partial<ExportsOptions> = {}) => {
    const app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix, suppressionThreshold: 5, exports: { ...FAST, ...exports } }), {
      service: 'reporting',
      natsUrl: testNatsUrl(),
      prefix,
      logger: ['error'],
    });
    apps.push(app);
    // The subscription reaches the server a moment after listen() resolves: wait until the service answers.
    await eventually(() => rpc.request(ListReportExportsQryV1, national, { offset: 0, limit: 1, sort: 'requestedAt', order: 'DESC', mine: false }, { correlationId: 'ready', timeoutMs: 1000 }), 10_000, 50);
    return app;
  };
  const stopReplicas = async () => {
    while (apps.length) await apps.pop()?.close();
  };

  beforeAll(async () => {
    db = await createTestDatabase('reporting');
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    const jsm = await nc.jetstreamManager();
    for (const owner of ['communities', 'meetings'] as const) await ensureEventStream(jsm, prefix, owner);
    await runMigrations('reporting', reportingOrmConfig(db.migrationUrl));
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    filesDir = await mkdtemp(join(tmpdir(), 'rd-exports-'));
    rpc = new RpcClient({ servers: testNatsUrl(), prefix });
    await rpc.connect();
  });

  afterAll(async () => {
    await stopReplicas();
    await rpc?.close();
    await pg?.end();
    await deleteStreamsWithPrefix(nc, prefix);
    await nc?.close();
    await db?.drop();
    await rm(filesDir, { recursive: true, force: true });
  });

  const request = (actor: Actor, input: ReportExportInput, labels: Record<string, string> = {}) =>
    rpc.request(RequestReportExportCmdV1, actor, RequestReportExportCmdV1.schema.parse({ request: input, labels }), ctx);
  const job = (actor: Actor, id: string) => rpc.request(GetReportExportQryV1, actor, { id }, ctx);
  const waitDone = (actor: Actor, id: string, timeoutMs = 20_000) =>
    eventually(async () => {
      const view = await job(actor, id);
      if (view.status === 'failed') throw Object.assign(new Error(`failed: ${view.error}`), { final: true });
      expect(view.status).toBe('done');
      return view;
    }, timeoutMs, 50);
  /** Reads a finished file slice by slice, as the gateway does. */
  const download = async (actor: Actor, id: string, length = EXPORT_CHUNK_BYTES): Promise<{ bytes: Buffer; slices: number; sha256: string }> => {
    const parts: Buffer[] = [];
    let offset = 0;
    let total = Infinity;
    let sha256 = '';
    while (offset < total) {
      const chunk = await rpc.request(ReadReportExportContentQryV1, actor, { id, offset, length }, ctx);
      const bytes = Buffer.from(chunk.data, 'base64');
      parts.push(bytes);
      ({ total, sha256 } = chunk);
      offset += bytes.length;
      if (!bytes.length) break;
    }
    return { bytes: Buffer.concat(parts), slices: parts.length, sha256 };
  };
  const codeOf = (error: unknown) => (error as RpcError).payload?.code;

  describe('with one replica', () => {
    beforeAll(async () => {
      await startReplica();
    });
    afterAll(stopReplicas);

    it('should run a CSV job queued → running with rising progress → done with size, checksum and expiry', async () => {
      const queued = await request(national, { format: 'csv', level: 'country', from: '2025-Q1', to: '2025-Q4' });
      expect(queued).toMatchObject({ status: 'queued', progress: 0, requestedBy: 'coordinator', fileName: null });
      const seen: number[] = [];
      const done = await eventually(async () => {
        const view = await job(national, queued.id);
        if (view.status === 'running') seen.push(view.progress);
        expect(view.status).toBe('done');
        return view;
      }, 20_000, 20);
      expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(done).toMatchObject({ progress: 100, attempts: 1, contentType: 'text/csv; charset=utf-8', fileName: 'report-country-2025-Q1_2025-Q4.csv' });
      expect(Date.parse(done.expiresAt ?? '') - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);
      const file = await download(national, queued.id);
      expect(file.bytes.length).toBe(done.sizeBytes);
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(done.sha256);
      const text = file.bytes.toString('utf8');
      expect(text.startsWith('\uFEFFPeriod,Level,Code,Name,Region,District,Reporting days expected,')).toBe(true);
      // One country row per quarter and one for the whole period (no region has events yet).
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 5);
      expect(text).toContain('\r\n2025-Q1..2025-Q4,country,,All regions,');
    });

    it('should write an XLSX with one sheet per theme and a PDF whose text names the district', async () => {
      const xlsx = await request(national, { format: 'xlsx', level: 'district', code: 'isfara', from: '2025-Q3' }, { isfara: 'Исфара', sughd: 'Согд' });
      const pdf = await request(national, { format: 'pdf', level: 'district', code: 'isfara', quarter: '2025-Q3', trendQuarters: 4 }, { isfara: 'Исфара', sughd: 'Согд' });
      await waitDone(national, xlsx.id);
      const workbook = new Workbook();
      await workbook.xlsx.load((await download(national, xlsx.id)).bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Reporting rate', 'Attendance', 'Concerns', 'Trust', 'Hand-over', 'About']);
      expect(workbook.worksheets[0].getCell('D2').value).toBe('Исфара');
      const pdfDone = await waitDone(national, pdf.id);
      const bytes = (await download(national, pdf.id)).bytes;
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfDone.fileName).toBe('quarterly-report-district-isfara-2025-Q3.pdf');
    });

    it('should build the same CSV at once (summary.csv) as the job writes, and only CSV', async () => {
      const input: ReportExportInput = { format: 'csv', level: 'district', code: 'isfara', from: '2025-Q1', to: '2025-Q2' };
      const labels = { isfara: 'Исфара' };
      const queued = await request(ngoIsfara, input, labels);
      await waitDone(ngoIsfara, queued.id);
      const inline = await rpc.request(RenderReportCsvQryV1, ngoIsfara, RenderReportCsvQryV1.schema.parse({ request: input, labels }), ctx);
      expect(inline).toMatchObject({ fileName: 'report-district-isfara-2025-Q1_2025-Q2.csv', contentType: 'text/csv; charset=utf-8' });
      expect(Buffer.from(inline.data, 'base64').equals((await download(ngoIsfara, queued.id)).bytes)).toBe(true);
      const pdf = RenderReportCsvQryV1.schema.parse({ request: { format: 'pdf', level: 'district', code: 'isfara', quarter: '2025-Q1' }, labels });
      await expect(rpc.request(RenderReportCsvQryV1, national, pdf, ctx).catch(codeOf)).resolves.toBe(ErrorCode.ValidationFailed);
      await expect(rpc.request(RenderReportCsvQryV1, policeBatken, RenderReportCsvQryV1.schema.parse({ request: input, labels }), ctx).catch(codeOf)).resolves.toBe(ErrorCode.NotFound);
    });

    it('should refuse at request time a unit outside the requester scope (NOT_FOUND), as the summary does', async () => {
      await expect(request(reviewerSughd, { format: 'csv', level: 'district', code: 'batken', from: '2025-Q1' }).catch(codeOf)).resolves.toBe(ErrorCode.NotFound);
      await expect(request(policeBatken, { format: 'pdf', level: 'district', code: 'isfara', quarter: '2025-Q1' }).catch(codeOf)).resolves.toBe(ErrorCode.NotFound);
    });

    it('should show a job and its file only to the requester and the national coordinator, who may list only their own', async () => {
      const mine = await request(ngoIsfara, { format: 'csv', level: 'district', code: 'isfara', from: '2025-Q2' });
      await waitDone(ngoIsfara, mine.id);
      await expect(job(national, mine.id)).resolves.toMatchObject({ id: mine.id, requestedBy: 'ngo.isfara' });
      const sameDistrict: Actor = { ...ngoIsfara, userId: 'other-ngo-id', username: 'ngo.other' };
      await expect(job(sameDistrict, mine.id).catch(codeOf)).resolves.toBe(ErrorCode.NotFound);
      await expect(rpc.request(ReadReportExportContentQryV1, sameDistrict, { id: mine.id, offset: 0, length: 10 }, ctx).catch(codeOf)).resolves.toBe(ErrorCode.NotFound);
      await expect(rpc.request(ReadReportExportContentQryV1, national, { id: mine.id, offset: 0, length: 10 }, ctx)).resolves.toMatchObject({ offset: 0 });
      const list = await rpc.request(ListReportExportsQryV1, sameDistrict, { offset: 0, limit: 50, sort: 'requestedAt', order: 'DESC', mine: false }, ctx);
      expect(list.items.map((item: ExportJobView) => item.id)).not.toContain(mine.id);
      const own = await rpc.request(ListReportExportsQryV1, ngoIsfara, { offset: 0, limit: 50, sort: 'requestedAt', order: 'DESC', mine: false }, ctx);
      expect(own.items.map((item: ExportJobView) => item.id)).toContain(mine.id);
      expect(own.items.every((item: ExportJobView) => item.requestedBy === 'ngo.isfara')).toBe(true);
      const everyone = await rpc.request(ListReportExportsQryV1, national, { offset: 0, limit: 50, sort: 'requestedAt', order: 'DESC', mine: false }, ctx);
      expect(everyone.items.map((item: ExportJobView) => item.id)).toContain(mine.id);
      const coordinatorsOwn = await rpc.request(ListReportExportsQryV1, national, { offset: 0, limit: 50, sort: 'requestedAt', order: 'DESC', mine: true }, ctx);
      expect(coordinatorsOwn.items.map((item: ExportJobView) => item.id)).not.toContain(mine.id);
      expect(coordinatorsOwn.items.every((item: ExportJobView) => item.requestedBy === 'coordinator')).toBe(true);
    });

    it('should answer CONFLICT for the content of a job that is not done, and expire a done job past its expiry', async () => {
      const slow = await request(national, { format: 'csv', level: 'country', from: '2024-Q1', to: '2024-Q4' });
      await expect(rpc.request(ReadReportExportContentQryV1, national, { id: slow.id, offset: 0, length: 10 }, ctx).catch(codeOf)).resolves.toBe(ErrorCode.Conflict);
      await waitDone(national, slow.id);
      await pg.query(`update export_job set expires_at = now() - interval '1 second' where id = $1`, [slow.id]);
      await eventually(async () => expect((await job(national, slow.id)).status).toBe('expired'), 5000, 50);
      const { rows } = await pg.query('select content from export_job where id = $1', [slow.id]);
      expect(rows[0].content).toBeNull();
      await expect(rpc.request(ReadReportExportContentQryV1, national, { id: slow.id, offset: 0, length: 10 }, ctx).catch(codeOf)).resolves.toBe(ErrorCode.Conflict);
    });

    it('should serve a stored file of more than 1 MB in slices under the NATS limit, byte-identical', async () => {
      const content = randomBytes(2_600_000);
      const id = randomUUID();
      await pg.query(
        `insert into export_job (id, status, progress, request, labels, actor, requester_id, requested_by, requested_at, finished_at, attempts, file_name,
           content_type, size_bytes, sha256, storage, content, expires_at)
         values ($1, 'done', 100, $2, '{}', $3, $4, $5, now(), now(), 1, 'big.csv', 'text/csv', $6, $7, 'db', $8, now() + interval '1 day')`,
        [id, JSON.stringify({ format: 'csv', level: 'country', from: '2025-Q1', language: 'en' }), JSON.stringify(national), national.userId, national.username, content.length, createHash('sha256').update(content).digest('hex'), content],
      );
      const started = performance.now();
      const file = await download(national, id);
      const ms = performance.now() - started;
      process.stdout.write(`[exports] ${content.length} bytes in ${file.slices} slices over NATS: ${ms.toFixed(0)} ms (${(content.length / 1048576 / (ms / 1000)).toFixed(1)} MB/s)\n`);
      expect(file.slices).toBe(Math.ceil(content.length / EXPORT_CHUNK_BYTES));
      expect(file.bytes.equals(content)).toBe(true);
      // A length over the slice limit is refused by the contract: no reply may exceed NATS' 1 MB.
      await expect(rpc.request(ReadReportExportContentQryV1, national, { id, offset: 0, length: EXPORT_CHUNK_BYTES + 1 } as never, ctx).catch(codeOf)).resolves.toBe(ErrorCode.ValidationFailed);
    });

    it('should fail a job whose worker died too often instead of re-running it forever', async () => {
      const id = randomUUID();
      await pg.query(
        `insert into export_job (id, status, progress, request, labels, actor, requester_id, requested_by, requested_at, started_at, attempts, worker_id, heartbeat_at)
         values ($1, 'running', 40, $2, '{}', $3, $4, $5, now(), now(), 3, 'gone:1:dead', now() - interval '1 minute')`,
        [id, JSON.stringify({ format: 'csv', level: 'country', from: '2025-Q1', language: 'en' }), JSON.stringify(national), national.userId, national.username],
      );
      const failed = await eventually(async () => {
        const view = await job(national, id);
        expect(view.status).toBe('failed');
        return view;
      }, 5000, 50);
      expect(failed.error).toMatch(/stopped 3 times/);
    });
  });

  it('should let two replicas claim different jobs, each job running exactly once', async () => {
    await startReplica();
    await startReplica();
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await request(national, { format: 'csv', level: 'country', from: '2023-Q1', to: '2023-Q3' })).id);
    for (const id of ids) await waitDone(national, id);
    const { rows } = await pg.query<{ worker_id: string; attempts: number }>('select worker_id, attempts from export_job where id = any($1)', [ids]);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    expect(new Set(rows.map((row) => row.worker_id)).size).toBe(2);
    await stopReplicas();
  });

  it('should run again, elsewhere, a job whose worker process was killed mid-job', async () => {
    // A real service process as the first worker, slowed down so it is surely mid-job when killed.
    const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO_ROOT, 'services/reporting/src/main.ts')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'),
        DATABASE_URL: db.url,
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: prefix,
        EXPORT_THROTTLE_MS: '400',
        EXPORT_HEARTBEAT_MS: '150',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await eventually(() => expect(output).toMatch(/listening on nats/), 60_000, 100);
      const queued = await request(national, { format: 'csv', level: 'country', from: '2022-Q1', to: '2022-Q4' });
      const running = await eventually(async () => {
        const { rows } = await pg.query<{ worker_id: string; progress: number }>(`select worker_id, progress from export_job where id = $1 and status = 'running'`, [queued.id]);
        expect(rows[0]?.progress).toBeGreaterThan(0);
        return rows[0];
      }, 15_000, 20);
      expect(running.worker_id).toContain(`:${child.pid}:`);
      child.kill('SIGKILL');
      await new Promise((resolveExit) => child.once('exit', resolveExit));
      // The survivor notices the silent heartbeat, re-queues the job and runs it from the start.
      await startReplica({ throttleMs: 0 });
      const done = await waitDone(national, queued.id, 20_000);
      expect(done.attempts).toBe(2);
      const { rows } = await pg.query<{ worker_id: string }>('select worker_id from export_job where id = $1', [queued.id]);
      expect(rows[0].worker_id).not.toContain(`:${child.pid}:`);
      const file = await download(national, queued.id);
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(done.sha256);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await stopReplicas();
    }
  }, 120_000);

  it('should hand a running job back to the queue when its replica shuts down gracefully', async () => {
    const app = await startReplica({ throttleMs: 400 });
    const queued = await request(national, { format: 'csv', level: 'country', from: '2021-Q1', to: '2021-Q4' });
    await eventually(async () => expect((await job(national, queued.id)).status).toBe('running'), 10_000, 20);
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    const { rows } = await pg.query<{ status: string; worker_id: string | null }>('select status, worker_id from export_job where id = $1', [queued.id]);
    expect(rows[0]).toEqual({ status: 'queued', worker_id: null });
    await startReplica({ throttleMs: 0 });
    await expect(waitDone(national, queued.id)).resolves.toMatchObject({ attempts: 2 });
    await stopReplicas();
  });

  it('should keep files in a directory when configured, and serve them in slices too', async () => {
    await startReplica({ storage: 'files', filesDir, throttleMs: 0 });
    const queued = await request(national, { format: 'pdf', level: 'region', code: 'sughd', quarter: '2025-Q2' }, { sughd: 'Согдийская область' });
    const done = await waitDone(national, queued.id);
    const { rows } = await pg.query('select storage, content from export_job where id = $1', [queued.id]);
    expect(rows[0]).toEqual({ storage: 'files', content: null });
    expect(await readdir(filesDir)).toEqual([`${queued.id}.1`]);
    const file = await download(national, queued.id, 4096);
    expect(file.slices).toBeGreaterThan(1);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(done.sha256);
    await stopReplicas();
  });
});
