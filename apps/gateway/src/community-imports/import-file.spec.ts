import { COMMUNITY_IMPORT_MAX_ROWS } from '@rd/contracts';
import { Workbook } from 'exceljs';
import { ProblemError } from '../problem/problem';
import { importFormatOf, readImportFile, unpackedZipSize } from './import-file';
import { toImportRows } from './import-rows';

const csv = (text: string) => Buffer.from(text, 'utf8');
const parseCsv = async (text: string | Buffer) => toImportRows(await readImportFile(typeof text === 'string' ? csv(text) : text, 'csv'));

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

const HEADER = 'name,districtCode,kind,population,borderAdjacent,languages,latitude,longitude';

describe('community import files', () => {
  describe('importFormatOf', () => {
    it('should know CSV and XLSX media types, with parameters, and nothing else', () => {
      expect(importFormatOf('text/csv; charset=utf-8')).toBe('csv');
      expect(importFormatOf('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx');
      expect(importFormatOf('application/json')).toBeUndefined();
      expect(importFormatOf(undefined)).toBeUndefined();
    });
  });

  describe('CSV', () => {
    it('should read a comma-separated file with a BOM, quoted fields and CRLF line ends', async () => {
      const result = await parseCsv(
        `\uFEFF${HEADER}\r\n"Khoja Alo, upper",isfara,village,2500,yes,tg;ky,40.12,70.63\r\nSomonien,isfara,Village,,false,"tg, ky",,\r\n`,
      );
      expect(result.errors).toEqual([]);
      expect(result.total).toBe(2);
      expect(result.rows).toEqual([
        {
          row: 2,
          data: {
            name: 'Khoja Alo, upper',
            districtCode: 'isfara',
            kind: 'village',
            population: 2500,
            borderAdjacent: true,
            languages: ['tg', 'ky'],
            location: { lat: 40.12, lng: 70.63 },
          },
        },
        { row: 3, data: { name: 'Somonien', districtCode: 'isfara', kind: 'village', borderAdjacent: false, languages: ['tg', 'ky'] } },
      ]);
    });

    it('should read a semicolon-separated file with decimal commas, as spreadsheets in ru/tg/ky locales write it', async () => {
      const result = await parseCsv('Name;District code;Kind;Latitude;Longitude;Languages\nChorku;isfara;jamoat;40,05;70,55;tg,ru\n');
      expect(result.errors).toEqual([]);
      expect(result.rows[0].data).toMatchObject({ name: 'Chorku', kind: 'jamoat', location: { lat: 40.05, lng: 70.55 }, languages: ['tg', 'ru'] });
    });

    it('should report every bad cell by row and column, and keep the good rows', async () => {
      const result = await parseCsv(
        [
          HEADER,
          'Good,isfara,village,10,no,tg,40,70',
          'X,Isfara District,castle,-3,maybe,xx,95,70',
          'Half,isfara,village,,,,40.1,',
          'Text coords,isfara,village,,,,north,east',
        ].join('\n'),
      );
      expect(result.rows.map((r) => r.row)).toEqual([2]);
      const byRow = (row: number) => result.errors.filter((e) => e.row === row).map((e) => e.field).sort();
      expect(byRow(3)).toEqual(['borderAdjacent', 'districtCode', 'kind', 'languages', 'latitude', 'name', 'population']);
      expect(byRow(4)).toEqual(['longitude']);
      expect(byRow(5)).toEqual(['latitude', 'longitude']);
      expect(result.errors.find((e) => e.row === 3 && e.field === 'latitude')?.message).toMatch(/90/);
    });

    it('should refuse unknown and missing columns with a clear 400', async () => {
      const unknown = await problemOf(parseCsv('name,districtCode,kind,colour\nA,isfara,village,red\n'));
      expect(unknown.status).toBe(400);
      expect(unknown.detail).toMatch(/Unknown columns: "colour"/);
      const missing = await problemOf(parseCsv('name,kind\nA,village\n'));
      expect(missing.detail).toMatch(/Missing columns: districtCode/);
    });

    it('should answer 413 for more rows than an import may hold', async () => {
      const lines = Array.from({ length: COMMUNITY_IMPORT_MAX_ROWS + 1 }, (_v, i) => `Village ${i},isfara,village`);
      const problem = await problemOf(parseCsv(['name,districtCode,kind', ...lines].join('\n')));
      expect(problem.status).toBe(413);
    });

    it('should refuse a header without data, and an empty file', async () => {
      expect((await problemOf(parseCsv('name,districtCode,kind\n'))).status).toBe(400);
      expect((await problemOf(parseCsv(''))).status).toBe(400);
    });

    it('should answer 415 for a PNG, a PDF, binary garbage or text that is not UTF-8, renamed .csv', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const pdf = csv('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n');
      const garbage = Buffer.from(Array.from({ length: 512 }, (_v, i) => (i * 37 + 11) % 256));
      const cp1251 = Buffer.from([0xcd, 0xe0, 0xe7, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x2c, 0x61]);
      for (const [body, pattern] of [
        [png, /PNG/],
        [pdf, /PDF/],
        [garbage, /binary|UTF-8/],
        [cp1251, /UTF-8/],
      ] as const) {
        const problem = await problemOf(parseCsv(body));
        expect(problem.status).toBe(415);
        expect(problem.detail).toMatch(pattern);
      }
    });

    it('should answer 400 for a CSV with an unclosed quote', async () => {
      const problem = await problemOf(parseCsv('name,districtCode,kind\n"Open,isfara,village\n'));
      expect(problem.status).toBe(400);
    });
  });

  describe('XLSX', () => {
    async function workbook(rows: unknown[][]): Promise<Buffer> {
      const book = new Workbook();
      const sheet = book.addWorksheet('Communities');
      rows.forEach((row) => sheet.addRow(row));
      return Buffer.from(await book.xlsx.writeBuffer());
    }

    it('should read typed cells (numbers, booleans) from the first sheet', async () => {
      const body = await workbook([
        ['name', 'districtCode', 'kind', 'population', 'borderAdjacent', 'languages', 'latitude', 'longitude'],
        ['Vorukh', 'isfara', 'jamoat', 30000, true, 'tg', 39.85, 70.58],
        [],
        ['Bad', 'isfara', 'village', 'many', 'TRUE', 'ky', -100, 70],
      ]);
      const result = toImportRows(await readImportFile(body, 'xlsx'));
      expect(result.total).toBe(2);
      expect(result.rows).toEqual([
        {
          row: 2,
          data: { name: 'Vorukh', districtCode: 'isfara', kind: 'jamoat', population: 30000, borderAdjacent: true, languages: ['tg'], location: { lat: 39.85, lng: 70.58 } },
        },
      ]);
      expect(result.errors.map((e) => `${e.row}:${e.field}`).sort()).toEqual(['4:latitude', '4:population']);
    });

    it('should answer 413 for a workbook that would unpack to more than the limit, before inflating it', async () => {
      // One central-directory entry that declares 100 MB uncompressed, and the end-of-directory record.
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt32LE(100 * 1024 * 1024, 24);
      entry.writeUInt16LE(name.length, 28);
      const header = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(header.length, 16);
      const bomb = Buffer.concat([header, entry, name, end]);
      expect(unpackedZipSize(bomb)).toBe(100 * 1024 * 1024);
      expect((await problemOf(readImportFile(bomb, 'xlsx'))).status).toBe(413);
    });

    it('should read the unpacked size of a real workbook', async () => {
      const body = await workbook([['name', 'districtCode', 'kind']]);
      expect(unpackedZipSize(body)).toBeGreaterThan(body.length);
    });

    it('should answer 415 when the body is not a workbook, and 400 when the zip is not one', async () => {
      expect((await problemOf(readImportFile(csv('name,districtCode,kind\n'), 'xlsx'))).status).toBe(415);
      const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
      expect((await problemOf(readImportFile(notAWorkbook, 'xlsx'))).status).toBe(400);
    });
  });
});
