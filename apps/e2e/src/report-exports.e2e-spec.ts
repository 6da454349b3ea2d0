import { eventually } from '@rd/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api, tokenFor } from './support/http';

/**
 * Report exports through the gateway with real Keycloak tokens: request → poll → download, scope at request
 * time, and a job visible only to its requester and the national coordinator (docs/adr/0017-report-exports.md).
 */

interface Job {
  id: string;
  status: string;
  progress: number;
  requestedBy: string;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  downloadUrl: string | null;
  error: string | null;
}

async function download(user: string, id: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${e2eEnv().gatewayUrl}/report-exports/${id}/content`, { headers: { Authorization: `Bearer ${await tokenFor(user)}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function requestExport(user: string, body: unknown): Promise<Job> {
  const response = await api<Job>(user, 'POST', '/report-exports', body);
  if (response.status !== 202) throw new Error(`POST /report-exports as ${user}: ${response.status} ${JSON.stringify(response.body)}`);
  expect(response.headers.get('location')).toBe(`/api/v1/report-exports/${response.body.id}`);
  return response.body;
}

async function finished(user: string, id: string): Promise<Job> {
  return eventually(async () => {
    const response = await api<Job>(user, 'GET', `/report-exports/${id}`);
    expect(response.status).toBe(200);
    if (response.body.status === 'failed') throw new Error(`export failed: ${response.body.error}`);
    expect(response.body.status).toBe('done');
    return response.body;
  }, 30_000, 100);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('report exports (gateway, services, Keycloak)', () => {
  it('should let the coordinator request a quarterly PDF, follow it and download it with its type, name and checksum', async () => {
    const job = await requestExport('coordinator', { format: 'pdf', level: 'district', code: 'isfara', quarter: '2026-Q3', language: 'ru' });
    expect(job).toMatchObject({ status: 'queued', progress: 0, requestedBy: 'coordinator', downloadUrl: null });
    const done = await finished('coordinator', job.id);
    expect(done).toMatchObject({ progress: 100, contentType: 'application/pdf', fileName: 'quarterly-report-district-isfara-2026-Q3.pdf', downloadUrl: `/api/v1/report-exports/${job.id}/content` });
    const file = await download('coordinator', job.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="quarterly-report-district-isfara-2026-Q3.pdf"');
    expect(file.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(done.sha256 ?? '', 'hex').toString('base64')}:`);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.bytes.length).toBe(done.sizeBytes);
    expect(sha256(file.bytes)).toBe(done.sha256);
  });

  it('should give the regional reviewer CSV exports of its own region only, never community level', async () => {
    const own = await requestExport('reviewer.sughd', { format: 'csv', level: 'region', code: 'sughd', from: '2026-Q1', to: '2026-Q2' });
    const done = await finished('reviewer.sughd', own.id);
    const file = await download('reviewer.sughd', own.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFPeriod,Level,Code,Name,')).toBe(true);
    expect(text).toContain(',region,sughd,Sughd,');
    // Region children are districts: never a community row for the reviewer.
    expect(text).not.toContain(',community,');
    expect(done.sizeBytes).toBe(file.bytes.length);

    const other = await api('reviewer.sughd', 'POST', '/report-exports', { format: 'csv', level: 'region', code: 'batken', from: '2026-Q1' });
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect((await api('reviewer.sughd', 'POST', '/report-exports', { format: 'pdf', level: 'district', code: 'batken', quarter: '2026-Q1' })).status).toBe(404);
    expect((await api('reviewer.sughd', 'POST', '/report-exports', { format: 'csv', level: 'community', code: randomUUID(), from: '2026-Q1' })).status).toBe(403);
    const invalid = await api<{ errors: { field: string }[] }>('reviewer.sughd', 'POST', '/report-exports', { format: 'pdf', level: 'country', quarter: '2026-Q5' });
    expect(invalid.status).toBe(400);
  });

  it('should answer the CSV of a summary at once, in the caller scope', async () => {
    const response = await fetch(`${e2eEnv().gatewayUrl}/reports/summary.csv?level=district&code=isfara&from=2026-Q1&to=2026-Q2&language=ru`, {
      headers: { Authorization: `Bearer ${await tokenFor('police.isfara')}`, Origin: e2eEnv().consoleUrl },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The console (another origin) reads the file name from this header.
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('content-disposition');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="report-district-isfara-2026-Q1_2026-Q2.csv"');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFFPeriod,')).toBe(true);
    expect(text).toContain(',district,isfara,Исфара,');
    expect((await api('police.isfara', 'GET', '/reports/summary.csv?level=district&code=batken&from=2026-Q1')).status).toBe(404);
    expect((await api('reviewer.sughd', 'GET', `/reports/summary.csv?level=community&code=${randomUUID()}&from=2026-Q1`)).status).toBe(403);
  });

  it('should not show or serve one user’s export to another (404), but to the national coordinator', async () => {
    const job = await requestExport('ngo.isfara', { format: 'xlsx', level: 'district', code: 'isfara', from: '2026-Q1' });
    await finished('ngo.isfara', job.id);
    for (const user of ['police.isfara', 'reviewer.sughd', 'ngo.khujand']) {
      expect((await api(user, 'GET', `/report-exports/${job.id}`)).status).toBe(404);
      const refused = await download(user, job.id);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const mine = await api<Job[]>('police.isfara', 'GET', '/report-exports?range=[0,99]');
    expect(mine.body.map((j) => j.id)).not.toContain(job.id);
    const asCoordinator = await download('coordinator', job.id);
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(asCoordinator.bytes.subarray(0, 2).toString()).toBe('PK');
    const list = await api<Job[]>('coordinator', 'GET', '/report-exports?range=[0,99]');
    expect(list.headers.get('content-range')).toMatch(/^report-exports 0-\d+\/\d+$/);
    expect(list.body.map((j) => j.id)).toContain(job.id);
    // The console's export panel asks for the coordinator's own jobs only.
    const own = await api<Job[]>('coordinator', 'GET', `/report-exports?range=[0,99]&filter=${encodeURIComponent('{"mine":true}')}`);
    expect(own.status).toBe(200);
    expect(own.body.map((j) => j.id)).not.toContain(job.id);
    expect((await api('coordinator', 'GET', `/report-exports?filter=${encodeURIComponent('{"mine":"yes"}')}`)).status).toBe(400);
  });

  it('should stream a file of several MB through the gateway in NATS-sized slices, byte-identical, and answer 409 before it is done', async () => {
    const db = new Client({ connectionString: e2eEnv().databaseUrls.reporting });
    await db.connect();
    try {
      const coordinator = { userId: await subjectOf('coordinator'), username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
      const content = randomBytes(3_300_000);
      const id = randomUUID();
      const request = JSON.stringify({ format: 'csv', level: 'country', from: '2026-Q1', language: 'en' });
      await db.query(
        `insert into export_job (id, status, progress, request, labels, actor, requester_id, requested_by, requested_at, finished_at, attempts, file_name,
           content_type, size_bytes, sha256, storage, content, expires_at)
         values ($1, 'done', 100, $2, '{}', $3, $4, 'coordinator', now(), now(), 1, 'large.csv', 'text/csv; charset=utf-8', $5, $6, 'db', $7, now() + interval '1 day')`,
        [id, request, JSON.stringify(coordinator), coordinator.userId, content.length, sha256(content), content],
      );
      const started = performance.now();
      const file = await download('coordinator', id);
      const ms = performance.now() - started;
      process.stdout.write(`[e2e] export download through the gateway: ${content.length} bytes in ${ms.toFixed(0)} ms (${(content.length / 1048576 / (ms / 1000)).toFixed(1)} MB/s)\n`);
      expect(file.status).toBe(200);
      expect(Number(file.headers.get('content-length'))).toBe(content.length);
      expect(file.bytes.equals(content)).toBe(true);

      const running = randomUUID();
      await db.query(
        `insert into export_job (id, status, progress, request, labels, actor, requester_id, requested_by, requested_at, started_at, attempts, worker_id, heartbeat_at)
         values ($1, 'running', 10, $2, '{}', $3, $4, 'coordinator', now(), now(), 1, 'elsewhere:1:e2e', now() + interval '1 hour')`,
        [running, request, JSON.stringify(coordinator), coordinator.userId],
      );
      const early = await download('coordinator', running);
      expect(early.status).toBe(409);
      await db.query('delete from export_job where id = any($1)', [[id, running]]);
    } finally {
      await db.end();
    }
  });
});
