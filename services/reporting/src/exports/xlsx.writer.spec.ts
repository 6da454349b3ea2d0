import { Workbook } from 'exceljs';
import { SUPPRESSED, type ExportTable } from './export-table';
import { toXlsx } from './xlsx.writer';

const table: ExportTable = {
  title: 'Reporting rate: per district / quarter',
  columns: [
    { key: 'name', label: 'District' },
    { key: 'held', label: 'Held', kind: 'count' },
    { key: 'rate', label: 'Rate', kind: 'share' },
  ],
  rows: [
    ['Исфара', 10, 0.8333],
    ['=cmd|calc', 4, SUPPRESSED],
    ['Batken', null, null],
  ],
};

async function readBack(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('toXlsx', () => {
  it('should write one sheet per table with typed cells that read back the same', async () => {
    const workbook = await readBack(await toXlsx([table], { title: 'Summary', notes: ['Isfara, 2026 Q3'] }));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Reporting rate per district qua');
    expect(sheet.getRow(1).values).toEqual([undefined, 'District', 'Held', 'Rate']);
    expect(sheet.getCell('A2').value).toBe('Исфара');
    expect(sheet.getCell('B2').value).toBe(10);
    expect(sheet.getCell('C2').value).toBeCloseTo(0.8333);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('B4').value).toBeNull();
    expect(workbook.worksheets[1].getCell('A2').value).toBe('Isfara, 2026 Q3');
  });

  it('should write text starting with "=" as a string, never as a formula', async () => {
    const workbook = await readBack(await toXlsx([table], { title: 'Summary' }));
    const cell = workbook.worksheets[0].getCell('A3');
    expect(cell.value).toBe('=cmd|calc');
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(3); // ValueType.String
  });

  it('should show a suppressed cell as "suppressed" text', async () => {
    const workbook = await readBack(await toXlsx([table], { title: 'Summary' }));
    expect(workbook.worksheets[0].getCell('C3').value).toBe('suppressed');
  });

  it('should give sheets unique names within Excel limits', async () => {
    const workbook = await readBack(await toXlsx([table, table, { ...table, title: 'x'.repeat(40) }], { title: 'Summary' }));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});
