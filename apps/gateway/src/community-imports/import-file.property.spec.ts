import fc from 'fast-check';
import { ProblemError } from '../problem/problem';
import { readImportFile, type ImportFormat } from './import-file';
import { toImportRows } from './import-rows';

/** Whatever the bytes, reading an import either gives rows and row errors or a 4xx problem: never anything else. */
async function outcomeOf(body: Buffer, format: ImportFormat): Promise<'ok' | number> {
  try {
    toImportRows(await readImportFile(body, format));
    return 'ok';
  } catch (error) {
    if (error instanceof ProblemError) return error.status;
    throw error;
  }
}

const csvCell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('isfara', 'village', 'yes', '40,1', '"', ';', '\n', '\uFEFF', '__proto__'));
const csvText = fc
  .tuple(
    fc.constantFrom('name,districtCode,kind', 'name;districtCode;kind;latitude;longitude', '__proto__,name', 'name,districtCode,kind,constructor'),
    fc.array(fc.array(csvCell, { minLength: 1, maxLength: 9 }), { minLength: 0, maxLength: 6 }),
    fc.constantFrom(',', ';'),
  )
  .map(([header, rows, separator]) => [header, ...rows.map((r) => r.join(separator))].join('\n'));

describe('import file reading under arbitrary input', () => {
  it('should answer rows or a 4xx problem for arbitrary bytes sent as CSV or XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom<ImportFormat>('csv', 'xlsx'), async (bytes, format) => {
        const outcome = await outcomeOf(Buffer.from(bytes), format);
        expect(outcome === 'ok' || (outcome >= 400 && outcome < 500)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should answer rows or a 4xx problem for arbitrary CSV text, and keep __proto__ inert', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const outcome = await outcomeOf(Buffer.from(text), 'csv');
        expect(outcome === 'ok' || (outcome >= 400 && outcome < 500)).toBe(true);
        expect(({} as Record<string, unknown>).name).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('should answer a 4xx problem for zip-like bytes sent as XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), async (tail) => {
        const outcome = await outcomeOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(tail)]), 'xlsx');
        expect(outcome === 'ok' || (outcome >= 400 && outcome < 500)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
