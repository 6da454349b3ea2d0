import type { INestMicroservice } from '@nestjs/common';
import {
  GetReportSummaryQryV1,
  GetReportTimeSeriesQryV1,
  quartersBetween,
  RenderReportCsvQryV1,
  type Actor,
  type ReportLevel,
} from '@rd/contracts';
import { createServiceApp, ensureEventStream, RpcClient } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { AppModule } from '../src/app.module';
import { ExportBuilder } from '../src/exports/export-builder';
import { MEASURE_COLUMNS } from '../src/exports/report-tables';
import { reportingOrmConfig } from '../src/orm.config';
import { ReportingEventsConsumer } from '../src/reporting-events.consumer';
import { ReportProjectionService } from '../src/reports/report-projection.service';
import { ReportQueryService } from '../src/reports/report-query.service';
import { eventsOf, generateWorld, type District, type ModelEvent } from './support/report-model';
import { auditSuppression, observeMeasures, type Observation } from './support/suppression-audit';

/**
 * Can the regional reviewer undo small-cell suppression by combining what they may fetch?
 * Every summary (region and each district, every range of quarters), every time series and the CSV and XLSX exports
 * of every range, through the service's real query path; then the attacker's linear program for every cell they
 * were shown as suppressed (docs/adr/0016-reporting-read-models.md, "Suppression planned over the table").
 */

const THRESHOLD = 5;
const REGION = 'sughd';
const DISTRICTS: District[] = [
  { code: 'isfara', region: REGION, timeZone: 'Asia/Dushanbe' },
  { code: 'khujand', region: REGION, timeZone: 'Asia/Dushanbe' },
  { code: 'konibodom', region: REGION, timeZone: 'Asia/Dushanbe' },
];
const reviewer: Actor = { userId: 'r', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: [REGION], districts: [] } };
// The quarters the world has data in: every range of them is fetched; the rest of the calendar is empty.
const WINDOW = quartersBetween('2024-Q3', '2026-Q1');

/** A tiny RFC 4180 reader (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  return rows;
}

/** Export rows (CSV or an XLSX sheet) as observations: the columns that carry breakdown cells, shares and averages. */
function observeTable(header: string[], rows: unknown[][], where: string, push: (o: Observation) => void, theme?: string) {
  // Labels repeat ("Other" is a gender and a topic): columns are found by position, as the writer laid them out.
  const columns = MEASURE_COLUMNS.filter((c) => theme === undefined || c.theme === theme);
  const first = header.indexOf('District') + 1;
  expect(header.slice(first)).toEqual(columns.map((c) => c.label));
  const col = (key: string) => first + columns.findIndex((c) => c.key === key);
  const byKey: Record<string, (v: number | null, row: unknown[]) => { key: string; value: number | null }[]> = {
    attendees: (v) => [{ key: 'att.total', value: v }],
    womenShare: (v, row) => [{ key: 'att.g.women', value: v === null ? null : Math.round(v * Number(row[col('attendees')])) }],
    youthShare: (v, row) => [{ key: 'att.youth', value: v === null ? null : Math.round(v * Number(row[col('attendees')])) }],
    concerns: (v) => [{ key: 'c.total', value: v }],
    respondents: (v) => [{ key: 'fb.n', value: v }],
    usefulness: (v, row) => [{ key: 'fb.usefulness', value: v === null ? null : Math.round(v * Number(row[col('respondents')]) * 1e6) / 1e6 }],
    trust: (v, row) => [{ key: 'fb.trust', value: v === null ? null : Math.round(v * Number(row[col('respondents')]) * 1e6) / 1e6 }],
    contactPoliceFirst: (v, row) => [{ key: 'fb.first', value: v === null ? null : Math.round(v * Number(row[col('respondents')]) * 1e6) / 1e6 }],
  };
  const rename = (key: string) =>
    key.startsWith('gender.') ? `att.g.${key.slice(7)}` : key.startsWith('age.') ? `att.a.${key.slice(4)}` : key.startsWith('topic.') ? `c.${key}` : key.startsWith('sensitivity.') ? `c.sens.${key.slice(12)}` : null;
  for (const row of rows) {
    const period = String(row[header.indexOf('Period')]);
    const [from, to] = period.includes('..') ? period.split('..') : [period, period];
    const unit = String(row[header.indexOf('Code')]);
    for (const column of columns) {
      const i = col(column.key);
      const raw = row[i];
      const value = raw === 'suppressed' ? null : raw === '' || raw === null || raw === undefined ? null : Number(raw);
      if (raw === '' || raw === null || raw === undefined) continue; // nothing to compute it from (no attendees)
      const mapped = byKey[column.key]?.(value, row) ?? (rename(column.key) ? [{ key: rename(column.key) as string, value }] : []);
      for (const m of mapped) push({ unit, from, to, key: m.key, value: m.value, where });
    }
  }
}

describe('suppression audit: what a regional reviewer can recover (real PostgreSQL and NATS, HiGHS)', () => {
  let db: TestDatabase;
  let prefix: string;
  let app: INestMicroservice;
  let nc: NatsConnection;
  let rpc: RpcClient;
  const ctx = { correlationId: 'audit', timeoutMs: 30_000 };

  beforeAll(async () => {
    db = await createTestDatabase('reporting');
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    const jsm = await nc.jetstreamManager();
    await ensureEventStream(jsm, prefix, 'communities');
    await ensureEventStream(jsm, prefix, 'meetings');
    await runMigrations('reporting', reportingOrmConfig(db.migrationUrl));
    app = await createServiceApp(
      AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix, suppressionThreshold: THRESHOLD, exports: { workerEnabled: false, throttleMs: 0 } }),
      { service: 'reporting', natsUrl: testNatsUrl(), prefix, logger: ['error'] },
    );
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

  const apply = async (event: ModelEvent) => {
    const messageId = randomUUID();
    await app.get(ReportingEventsConsumer).applyEvent(event.name, event.payload, messageId);
  };

  /** Everything the reviewer can fetch about the region over the window, as published observations. */
  const fetchEverything = async (): Promise<Observation[]> => {
    const out: Observation[] = [];
    const push = (o: Observation) => out.push(o);
    const units: { level: ReportLevel; code: string }[] = [{ level: 'region', code: REGION }, ...DISTRICTS.map((d) => ({ level: 'district' as const, code: d.code }))];
    const ranges: [string, string][] = [];
    for (let i = 0; i < WINDOW.length; i += 1) for (let j = i; j < WINDOW.length; j += 1) ranges.push([WINDOW[i], WINDOW[j]]);
    const builder = app.get(ExportBuilder);
    for (const unit of units) {
      for (const [from, to] of ranges) {
        const where = `${unit.level} ${unit.code} ${from}..${to}`;
        const summary = await rpc.request(GetReportSummaryQryV1, reviewer, { level: unit.level, code: unit.code, from, to, suppress: false }, ctx);
        observeMeasures(summary.measures, unit.code, from, to, `summary ${where}`, push);
        for (const child of summary.children) observeMeasures(child.measures, child.unit.code as string, from, to, `summary ${where} child ${child.unit.code}`, push);
        const series = await rpc.request(GetReportTimeSeriesQryV1, reviewer, { level: unit.level, code: unit.code, from, to, suppress: false }, ctx);
        for (const p of series.points) observeMeasures(p.measures, unit.code, p.quarter, p.quarter, `timeseries ${where} ${p.quarter}`, push);
        if (unit.level !== 'region') continue;
        // The export files of the region (its districts are rows in them), every range.
        const csv = await rpc.request(RenderReportCsvQryV1, reviewer, { request: { format: 'csv', level: 'region', code: REGION, from, to }, labels: {} } as never, ctx);
        const [header, ...rows] = parseCsv(Buffer.from(csv.data, 'base64').toString('utf8').replace(/^\uFEFF/, ''));
        observeTable(header, rows, `csv ${where}`, push);
        if (from === WINDOW[0] && to === WINDOW[WINDOW.length - 1]) {
          const file = await builder.build({ format: 'xlsx', level: 'region', code: REGION, from, to } as never, { actor: reviewer, labels: {}, progress: async () => undefined, now: new Date(), throttle: false });
          const book = new Workbook();
          await book.xlsx.load(file.content as never);
          book.eachSheet((sheet) => {
            const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
            const headerIndex = values.findIndex((r) => Array.isArray(r) && r.includes('Period'));
            if (headerIndex < 0) return;
            const head = (values[headerIndex] as unknown[]).slice(1).map(String);
            const body = values.slice(headerIndex + 1).map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined ? '' : v)));
            observeTable(head, body, `xlsx ${sheet.name} ${where}`, push, sheet.name);
          });
        }
      }
    }
    return out;
  };

  it('should leave every suppressed cell undetermined: no combination of published cells pins it within the protection interval', async () => {
    const world = generateWorld(Number(process.env.REPORT_AUDIT_SEED ?? 1107), new Date('2026-04-10T00:00:00Z'), new Date('2024-07-01T00:00:00Z'), DISTRICTS);
    app.get(ReportProjectionService).clock = () => world.now;
    app.get(ReportQueryService).clock = () => world.now;
    for (const event of eventsOf(world)) await apply(event);

    const t0 = Date.now();
    const sources = process.env.REPORT_AUDIT_SOURCES?.split(',');
    const observations = (await fetchEverything()).filter((o) => !sources || sources.some((s) => o.where.startsWith(s)));
    if (process.env.REPORT_AUDIT_DEBUG) {
      const [key, ...units] = process.env.REPORT_AUDIT_DEBUG.split(',');
      const seen = new Map<string, string>();
      for (const o of observations) if (o.key === key && units.includes(o.unit) && (o.from === o.to || o.from === '2024-Q3')) seen.set(`${o.unit} ${o.from}..${o.to}`, `${o.value}`);
      process.stdout.write([...seen].sort().map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
    }
    const hiddenCount = observations.filter((o) => o.value === null).length;
    expect(hiddenCount).toBeGreaterThan(0);
    const t1 = Date.now();
    const result = await auditSuppression(observations, {
      region: REGION,
      districts: DISTRICTS.map((d) => d.code),
      quarters: WINDOW,
      // Enforced: no suppressed cell is determined (counts are whole numbers: an interval narrower than 1 pins one).
      // Measured, and printed: how many attendance cells get less than the threshold (docs/adr/0016, limits).
      protection: (o) => (o.group.startsWith('fb.') ? 1e-6 : 1),
    });
    process.stdout.write(
      `[suppression audit] ${observations.length} published cells (${hiddenCount} shown as suppressed) fetched in ${t1 - t0} ms; ${result.equations} equations, ` +
        `${result.audited} suppressed cells solved in ${Date.now() - t1} ms; ${result.findings.length} recoverable, ${result.inconsistent.length} inconsistent\n`,
    );
    const short = result.widths.filter((w) => w.group === 'att' && w.width < THRESHOLD - 1e-6).length;
    process.stdout.write(`[suppression audit] attendance cells with an interval narrower than the threshold: ${short} of ${result.widths.filter((w) => w.group === 'att').length}\n`);
    const narrow = (group: string) => result.widths.filter((w) => w.group.startsWith(group)).map((w) => Math.round(w.width * 100) / 100).sort((a, b) => a - b).slice(0, 12);
    process.stdout.write(`[suppression audit] ${result.empty} proven empty; narrowest intervals: att ${narrow('att')}; concerns ${narrow('c')}; survey ${narrow('fb.')}\n`);
    expect(result.inconsistent.slice(0, 10)).toEqual([]);
    expect(result.findings.slice(0, 10)).toEqual([]);
  }, 900_000);
});
