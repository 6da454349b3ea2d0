import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { COMMUNITY_IMPORT_MAX_ROWS } from '@rd/contracts';
import { Workbook } from 'exceljs';
import { ProblemError } from '../problem/problem';
import { readImportFile } from './import-file';
import { readZipDirectory } from './xlsx-zip-guard';

/**
 * The known zip-bomb shapes, built here byte by byte (no binary fixtures), against the import's XLSX reader. Each must
 * be refused with 400 or 413 quickly and without the process's peak memory growing by more than 50 MB: nothing is
 * inflated beyond what the central directory declares, and that is capped. HOSTILE_ZIP_SCALE=10 makes the bombs 10×
 * larger (same limits).
 */
const SCALE = Number(process.env.HOSTILE_ZIP_SCALE ?? 1);
const MiB = 1024 * 1024;

interface Part {
  name: string;
  /** Compressed bytes as stored; with `raw` they are deflated from it. */
  stored?: Buffer;
  raw?: Buffer;
  method?: 0 | 8;
  /** What the directory says; the truth by default. */
  crc?: number;
  uncompressedSize?: number;
}

/** A zip of these parts; `directory` lets a test write its own central-directory records (for overlapping entries). */
function zipOf(parts: Part[], directory?: (entries: { header: number; name: Buffer; record: Buffer }[]) => Buffer[]): Buffer {
  const chunks: Buffer[] = [];
  const entries: { header: number; name: Buffer; record: Buffer }[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const raw = part.raw ?? Buffer.alloc(0);
    const stored = part.stored ?? (method === 8 ? deflateRawSync(raw) : raw);
    const name = Buffer.from(part.name);
    const crc = part.crc ?? crc32(raw);
    const size = part.uncompressedSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(stored.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    entries.push({ header: offset, name, record });
    chunks.push(local, name, stored);
    offset += local.length + name.length + stored.length;
  }
  const records = directory ? directory(entries) : entries.flatMap((entry) => [entry.record, entry.name]);
  const central = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = directory ? records.length / 2 : entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, central, end]);
}

/** A deflate stream of `bytes` zeros, built without ever holding them (1 MiB at a time). */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += MiB) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** Parts of a minimal workbook other than its sheet. */
const SKELETON: Part[] = [
  {
    name: '[Content_Types].xml',
    raw: Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
  },
  { name: '_rels/.rels', raw: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>') },
];

interface Measured {
  status: number;
  detail: string;
  ms: number;
  /**
   * Upper bound of the memory the call took (MB): the process's peak RSS after it, minus its RSS before it. Sound
   * because the peak can only have been reached before the call or during it.
   */
  peakGrowthMb: number;
}

async function measure(body: Buffer): Promise<Measured> {
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = process.hrtime.bigint();
  const error = await readImportFile(body, 'xlsx').then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  expect(error).toBeInstanceOf(ProblemError);
  const problem = error as ProblemError;
  const peakGrowthMb = (peakAfter - rssBefore) / MiB;
  expect(peakAfter).toBeGreaterThanOrEqual(peakBefore);
  const result = { status: problem.status, detail: problem.message, ms: Math.round(ms * 10) / 10, peakGrowthMb: Math.round(peakGrowthMb * 10) / 10 };
  process.stdout.write(`hostile xlsx: ${JSON.stringify(result)}\n`);
  return result;
}

const QUICK_MS = 500;
const BOUNDED_MB = 50;

describe('XLSX import against zip bombs', () => {
  it('should refuse a directory that lies about sizes (says 1 KB, inflates to 64+ MB) after inflating at most the declared size', async () => {
    const bomb = await deflatedZeros(64 * MiB * SCALE);
    const zip = zipOf([...SKELETON, { name: 'xl/worksheets/sheet1.xml', stored: bomb, uncompressedSize: 1024, crc: 0 }]);
    const result = await measure(zip);
    expect(result.status).toBe(400);
    expect(result.detail).toMatch(/larger than its directory says/);
    expect(result.ms).toBeLessThan(QUICK_MS);
    expect(result.peakGrowthMb).toBeLessThan(BOUNDED_MB);
  });

  it('should refuse overlapping entries (many directory records pointing at the same part, the "better zip bomb")', async () => {
    const sheet = Buffer.from(`<worksheet>${'<row><c><v>1</v></c></row>'.repeat(4000)}</worksheet>`);
    const zip = zipOf([...SKELETON, { name: 'xl/worksheets/sheet1.xml', raw: sheet }], (entries) => {
      const records = entries.flatMap((entry) => [entry.record, entry.name]);
      const last = entries[entries.length - 1];
      for (let i = 0; i < 250 * SCALE; i += 1) records.push(last.record, last.name);
      return records;
    });
    expect(sheet.length * 250).toBeLessThan(40 * MiB); // below the size cap: only the overlap check can refuse it
    const result = await measure(zip);
    expect(result.status).toBe(400);
    expect(result.detail).toMatch(/overlap/);
    expect(result.ms).toBeLessThan(QUICK_MS);
    expect(result.peakGrowthMb).toBeLessThan(BOUNDED_MB);
  });

  it('should refuse tens of thousands of entries from the directory alone', async () => {
    const parts: Part[] = [...SKELETON];
    for (let i = 0; i < 20_000 * Math.min(SCALE, 3); i += 1) parts.push({ name: `xl/worksheets/sheet${i}.xml`, raw: Buffer.from('<worksheet/>'), method: 0 });
    const result = await measure(zipOf(parts));
    expect(result.status).toBe(413);
    expect(result.detail).toMatch(/parts, at most 500/);
    expect(result.ms).toBeLessThan(QUICK_MS);
    expect(result.peakGrowthMb).toBeLessThan(BOUNDED_MB);
  });

  it('should refuse nested archives: an embedded file, and a part that is itself a zip', async () => {
    const inner = zipOf([{ name: 'xl/worksheets/sheet1.xml', stored: await deflatedZeros(16 * MiB * SCALE), uncompressedSize: 16 * MiB * SCALE }]);
    const embedded = await measure(zipOf([...SKELETON, { name: 'xl/embeddings/oleObject1.bin', raw: inner }]));
    expect(embedded.status).toBe(400);
    expect(embedded.detail).toMatch(/embedded file/);
    const disguised = await measure(zipOf([...SKELETON, { name: 'xl/media/image1.png', raw: inner }]));
    expect(disguised.status).toBe(400);
    expect(disguised.detail).toMatch(/archive inside/);
    for (const result of [embedded, disguised]) {
      expect(result.ms).toBeLessThan(QUICK_MS);
      expect(result.peakGrowthMb).toBeLessThan(BOUNDED_MB);
    }
  });

  it('should refuse a deflate stream with an extreme ratio (32 MB of zeros in 32 KB, sizes told honestly) before inflating it', async () => {
    const size = 32 * MiB;
    const zip = zipOf([...SKELETON, { name: 'xl/worksheets/sheet1.xml', stored: await deflatedZeros(size), uncompressedSize: size, crc: 0 }]);
    const result = await measure(zip);
    expect(result.status).toBe(400);
    expect(result.detail).toMatch(/compressed more than 200:1/);
    expect(result.ms).toBeLessThan(QUICK_MS);
    expect(result.peakGrowthMb).toBeLessThan(BOUNDED_MB);
  });

  it('should refuse a directory declaring more than 40 MB in total, and ZIP64', async () => {
    const parts: Part[] = [...SKELETON];
    for (let i = 0; i < 5; i += 1) parts.push({ name: `xl/worksheets/sheet${i}.xml`, stored: Buffer.alloc(100 * 1024), uncompressedSize: 10 * MiB });
    expect((await measure(zipOf(parts))).status).toBe(413);
    const zip64 = zipOf([...SKELETON, { name: 'xl/worksheets/sheet1.xml', stored: Buffer.alloc(10), uncompressedSize: 0xffffffff }]);
    expect((await measure(zip64)).status).toBe(413);
  });

  it('should refuse parts a workbook does not have, and a CRC that does not match', async () => {
    expect((await measure(zipOf([...SKELETON, { name: '../../etc/passwd', raw: Buffer.from('x') }]))).detail).toMatch(/not part of a workbook/);
    expect(readZipDirectory(zipOf([...SKELETON, { name: 'docProps/thumbnail.jpeg', raw: Buffer.from([0xff, 0xd8, 0xff]) }]))).toHaveLength(3);
    const badCrc = await measure(zipOf([...SKELETON, { name: 'xl/worksheets/sheet1.xml', raw: Buffer.from('<worksheet/>'), crc: 1 }]));
    expect(badCrc.status).toBe(400);
  });

  it('should accept a real workbook of the largest import, whose parts pass every check', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Communities');
    sheet.addRow(['name', 'districtCode', 'kind', 'population', 'borderAdjacent', 'languages', 'latitude', 'longitude']);
    for (let i = 0; i < COMMUNITY_IMPORT_MAX_ROWS; i += 1) sheet.addRow([`Village ${i}`, 'isfara', 'village', 1000 + i, i % 2 === 0, 'tg;ky', 40.1, 70.6]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const entries = readZipDirectory(body);
    const worst = Math.max(...entries.map((entry) => entry.uncompressedSize / Math.max(1, entry.compressedSize)));
    expect(worst).toBeLessThan(200);
    const table = await readImportFile(body, 'xlsx');
    expect(table.records).toHaveLength(COMMUNITY_IMPORT_MAX_ROWS);
  });
});
