import { isSuppressed, SUPPRESSED_LABEL, type ExportCell, type ExportTable } from './export-table';

/** Excel opens a UTF-8 CSV as UTF-8 (Cyrillic names intact) only when it starts with a byte-order mark. */
const BOM = '\uFEFF';
// A spreadsheet evaluates a text cell that starts with one of these as a formula (CSV/formula injection,
// OWASP): = + - @ and the tab and carriage return some spreadsheets strip before looking.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Neutralises formula injection: a leading apostrophe makes the spreadsheet show the text as text. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  if (isSuppressed(cell)) return SUPPRESSED_LABEL;
  // Numbers are written as numbers (a negative change stays a number); only text can carry a formula.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = defuseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated, UTF-8 with BOM. */
export function toCsv(table: Pick<ExportTable, 'columns' | 'rows'>): Buffer {
  const lines = [table.columns.map((column) => csvField(column.label)), ...table.rows.map((row) => row.map(csvField))];
  return Buffer.from(BOM + lines.map((fields) => `${fields.join(',')}\r\n`).join(''), 'utf8');
}
