import {
  COMMUNITY_IMPORT_MEDIA_TYPES,
  CommunityImportReportSchema,
  CommunityImportResultSchema,
  ProblemDetailsSchema,
  type CommunityView,
  type DistrictReport,
  type ImportRowError,
} from '@rd/contracts';
import { eventually } from '@rd/testing';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { api, send, tokenFor, type ApiResponse } from './support/http';

/** Sends a file to the gateway as `user`, with the given media type. */
async function upload<T = unknown>(user: string, path: string, body: string | Buffer, contentType: string = COMMUNITY_IMPORT_MEDIA_TYPES.csv): Promise<ApiResponse<T>> {
  const response = await send(`${e2eEnv().gatewayUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, 'Content-Type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = response.text;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

function expectProblem(response: ApiResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = ProblemDetailsSchema.parse(response.body);
  expect(problem.status).toBe(status);
  expect(JSON.stringify(problem)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
}

async function countIn(district: string): Promise<number> {
  const report = await api<DistrictReport>('coordinator', 'GET', `/reports/districts/${district}`);
  return report.body.communities.total;
}

async function namedLike(suffix: string): Promise<CommunityView[]> {
  const response = await api<CommunityView[]>('coordinator', 'GET', `/communities?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ q: suffix }))}`);
  return response.body;
}

const HEADER = 'name,districtCode,kind,population,borderAdjacent,languages,latitude,longitude';

describe('bulk onboarding by CSV/XLSX import', () => {
  it('should dry-run then apply a file of five border communities; they are listed and counted in the district report', async () => {
    const suffix = randomBytes(3).toString('hex');
    const file = [
      HEADER,
      `Khoja Alo ${suffix},isfara,village,2400,yes,tg;ky,40.1050,70.6270`,
      `Somonien ${suffix},isfara,village,3100,yes,tg,40.0940,70.6010`,
      `"Chorku, upper ${suffix}",isfara,jamoat,9000,yes,tg;ky,40.0630,70.5540`,
      `Vorukh ${suffix},isfara,jamoat,31000,yes,tg,39.8500,70.5800`,
      `Kulkand ${suffix},isfara,village,,true,tg;uz,,`,
    ].join('\r\n');
    const before = await countIn('isfara');

    const dryRun = await upload('ngo.isfara', '/community-imports/dry-run', `\uFEFF${file}`);
    expect(dryRun.status).toBe(200);
    expect(CommunityImportReportSchema.parse(dryRun.body)).toEqual({ rows: 5, valid: 5, errors: [] });
    expect(await namedLike(suffix)).toEqual([]);

    const startedAt = Date.now();
    const applied = await upload('ngo.isfara', '/community-imports', file);
    const applyMs = Date.now() - startedAt;
    expect(applied.status).toBe(201);
    const result = CommunityImportResultSchema.parse(applied.body);
    expect(result.rows).toBe(5);
    expect(result.created.map((c) => c.row)).toEqual([2, 3, 4, 5, 6]);

    const listed = await namedLike(suffix);
    expect(listed.map((c) => c.id).sort()).toEqual(result.created.map((c) => c.id).sort());
    expect(listed.every((c) => c.status === 'proposed' && c.borderAdjacent && c.districtCode === 'isfara')).toBe(true);
    const vorukh = listed.find((c) => c.name.startsWith('Vorukh')) as CommunityView & { location?: unknown };
    expect(vorukh.population).toBe(31000);
    expect(vorukh.location).toEqual({ lat: 39.85, lng: 70.58 });

    await eventually(async () => expect(await countIn('isfara')).toBe(before + 5), 5000, 50);
    process.stdout.write(`[e2e] import of 5 communities applied in ${applyMs} ms; report counted them ${Date.now() - startedAt} ms after the upload\n`);

    // The same file again: every name now exists, so nothing is written.
    const again = await upload<{ errors: ImportRowError[] }>('ngo.isfara', '/community-imports', file);
    expectProblem(again, 422);
    expect(again.body.errors.map((e) => `${e.row}:${e.field}`)).toEqual(['2:name', '3:name', '4:name', '5:name', '6:name']);
  });

  it('should report bad rows by row and field in a dry-run, and refuse to apply them with 422 writing nothing', async () => {
    const suffix = randomBytes(3).toString('hex');
    const file = [
      HEADER,
      `Good ${suffix},isfara,village,100,yes,tg,40.1,70.6`,
      `Nowhere ${suffix},atlantis,village,,,,,`,
      `Twice ${suffix},isfara,village,,,,,`,
      `twice ${suffix},isfara,village,,,,,`,
      `Off the map ${suffix},isfara,village,,,,140.5,70.6`,
      `Elsewhere ${suffix},batken,village,,,,,`,
      `Castle ${suffix},isfara,castle,-5,maybe,xx,,`,
    ].join('\n');
    const before = await countIn('isfara');

    const dryRun = await upload('ngo.isfara', '/community-imports/dry-run', file);
    expect(dryRun.status).toBe(200);
    const report = CommunityImportReportSchema.parse(dryRun.body);
    expect(report.rows).toBe(7);
    expect(report.valid).toBe(2);
    const cells = report.errors.map((e) => `${e.row}:${e.field}`);
    expect(cells).toEqual(
      expect.arrayContaining(['3:districtCode', '5:name', '6:latitude', '7:districtCode', '8:kind', '8:population', '8:borderAdjacent', '8:languages']),
    );
    expect(report.errors.find((e) => e.row === 3)?.message).toMatch(/Unknown district/);
    expect(report.errors.find((e) => e.row === 5)?.message).toMatch(/row 4/);
    expect(report.errors.find((e) => e.row === 7)?.message).toMatch(/outside your scope/);

    const applied = await upload<{ errors: ImportRowError[]; detail: string }>('ngo.isfara', '/community-imports', file);
    expectProblem(applied, 422);
    expect(applied.body.errors).toEqual(report.errors);
    expect(applied.body.detail).toMatch(/Nothing was imported/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await namedLike(suffix)).toEqual([]);
    expect(await countIn('isfara')).toBe(before);
  });

  it('should read an XLSX workbook the same way', async () => {
    const suffix = randomBytes(3).toString('hex');
    const book = new Workbook();
    const sheet = book.addWorksheet('Communities');
    sheet.addRow(['name', 'districtCode', 'kind', 'population', 'borderAdjacent', 'languages']);
    sheet.addRow([`Xlsx ${suffix}`, 'isfara', 'village', 1200, true, 'tg']);
    sheet.addRow([`Xlsx bad ${suffix}`, 'nowhere', 'village', 12.5, true, 'tg']);
    const body = Buffer.from(await book.xlsx.writeBuffer());
    const dryRun = await upload('ngo.isfara', '/community-imports/dry-run', body, COMMUNITY_IMPORT_MEDIA_TYPES.xlsx);
    expect(dryRun.status).toBe(200);
    const report = CommunityImportReportSchema.parse(dryRun.body);
    expect(report).toMatchObject({ rows: 2, valid: 1 });
    expect(report.errors.map((e) => `${e.row}:${e.field}`)).toEqual(['3:population']);
  });

  it('should dry-run a file of 2,000 rows, the most one import may hold', async () => {
    const suffix = randomBytes(3).toString('hex');
    const file = `${HEADER}\n${Array.from({ length: 2000 }, (_v, i) => `Bulk ${suffix} ${i},isfara,village,100,yes,tg;ky,40.1,70.6`).join('\n')}`;
    const startedAt = Date.now();
    const dryRun = await upload('ngo.isfara', '/community-imports/dry-run', file);
    const ms = Date.now() - startedAt;
    expect(dryRun.status).toBe(200);
    expect(CommunityImportReportSchema.parse(dryRun.body)).toEqual({ rows: 2000, valid: 2000, errors: [] });
    process.stdout.write(`[e2e] dry-run of 2,000 rows (${Math.round(Buffer.byteLength(file) / 1024)} KB) answered in ${ms} ms\n`);
  });

  it('should answer 413 for a file over 2 MB and for more than 2,000 rows, storing nothing', async () => {
    const suffix = randomBytes(3).toString('hex');
    const big = `${HEADER}\n${Array.from({ length: 50_000 }, (_v, i) => `Big ${suffix} ${i},isfara,village,100,yes,tg,40.1,70.6`).join('\n')}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
    expectProblem(await upload('ngo.isfara', '/community-imports', big), 413);
    const manyRows = `name,districtCode,kind\n${Array.from({ length: 2001 }, (_v, i) => `R${i} ${suffix},isfara,village`).join('\n')}`;
    expectProblem(await upload('ngo.isfara', '/community-imports', manyRows), 413);
    expect(await namedLike(suffix)).toEqual([]);
  });

  it('should answer 415 for a file that is not CSV at all, and for a JSON body', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);
    const pngAsCsv = await upload<{ detail: string }>('ngo.isfara', '/community-imports', png);
    expectProblem(pngAsCsv, 415);
    expect(pngAsCsv.body.detail).toMatch(/not CSV.*PNG/);
    expectProblem(await upload('ngo.isfara', '/community-imports/dry-run', randomBytes(4096)), 415);
    expectProblem(await upload('ngo.isfara', '/community-imports', Buffer.from('%PDF-1.7\n')), 415);
    expectProblem(await api('ngo.isfara', 'POST', '/community-imports', { rows: [] }), 415);
    expectProblem(await upload('ngo.isfara', '/community-imports', 'a,b\n1,2\n', 'text/plain'), 415);
  });

  it('should keep every other route JSON-only: a CSV body elsewhere is 415', async () => {
    expectProblem(await upload('ngo.isfara', '/communities', 'name,districtCode,kind\nX,isfara,village\n'), 415);
  });

  it('should answer 403 to a regional reviewer and write nothing', async () => {
    const suffix = randomBytes(3).toString('hex');
    const file = `name,districtCode,kind\nReviewer ${suffix},isfara,village\n`;
    expectProblem(await upload('reviewer.sughd', '/community-imports/dry-run', file), 403);
    expectProblem(await upload('reviewer.sughd', '/community-imports', file), 403);
    expect(await namedLike(suffix)).toEqual([]);
  });
});
