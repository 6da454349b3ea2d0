import { Workbook } from 'exceljs';
import { isSuppressed, SUPPRESSED_LABEL, type ExportColumn, type ExportTable } from './export-table';

const NUMBER_FORMATS: Record<NonNullable<ExportColumn['kind']>, string | undefined> = {
  text: undefined,
  count: '#,##0',
  share: '0.0%',
  decimal: '0.00',
};
// Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]
const sheetName = (title: string, used: Set<string>): string => {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} (${n})`;
  used.add(name.toLowerCase());
  return name;
};

export interface XlsxMeta {
  title: string;
  /** Lines shown above the first table (area, period, generated at, suppression rule). */
  notes?: string[];
}

/**
 * One worksheet per table. Cells are typed (numbers stay numbers, percentages formatted), text is
 * always written as a string value, never as a formula, so a cell starting with "=" cannot run.
 * Suppressed cells read "suppressed" in grey italics.
 */
export async function toXlsx(tables: ExportTable[], meta: XlsxMeta): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Reporting Days';
  workbook.title = meta.title;
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.label,
      key: column.key,
      width: Math.min(60, Math.max(10, column.label.length + 2)),
      style: NUMBER_FORMATS[column.kind ?? 'text'] ? { numFmt: NUMBER_FORMATS[column.kind ?? 'text'] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((cell) => (cell === null ? null : isSuppressed(cell) ? SUPPRESSED_LABEL : cell)));
      row.forEach((cell, index) => {
        if (isSuppressed(cell)) {
          const target = added.getCell(index + 1);
          target.font = { italic: true, color: { argb: 'FF808080' } };
          target.alignment = { horizontal: 'right' };
        }
      });
    }
  }
  if (meta.notes?.length) {
    const about = workbook.addWorksheet(sheetName('About', used));
    about.getColumn(1).width = 100;
    [meta.title, ...meta.notes].forEach((line, index) => {
      about.getCell(index + 1, 1).value = line;
      if (index === 0) about.getCell(1, 1).font = { bold: true, size: 14 };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
