import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { COMMUNITY_IMPORT_MAX_ROWS, COMMUNITY_IMPORT_MEDIA_TYPES } from '@rd/contracts';
import { ProblemError } from '../problem/problem';
import { assertSafeXlsxZip } from './xlsx-zip-guard';

export type ImportFormat = keyof typeof COMMUNITY_IMPORT_MEDIA_TYPES;

/** A data row as read from the file: its row number and its cells by header, before any typing. */
export interface RawImportRecord {
  row: number;
  cells: Record<string, unknown>;
}

export interface RawImportTable {
  /** Header names as written in the file, in column order. */
  headers: string[];
  records: RawImportRecord[];
}

/** Which import format a Content-Type names, or undefined. */
export function importFormatOf(contentType: string | undefined): ImportFormat | undefined {
  const type = String(contentType ?? '').split(';')[0].trim().toLowerCase();
  return (Object.keys(COMMUNITY_IMPORT_MEDIA_TYPES) as ImportFormat[]).find((format) => COMMUNITY_IMPORT_MEDIA_TYPES[format] === type);
}

// Files people rename to .csv by mistake, recognised by their first bytes.
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP archive or an XLSX workbook', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an old Excel (.xls) or Word document', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
];

const startsWith = (body: Buffer, bytes: number[]) => body.length >= bytes.length && bytes.every((b, i) => body[i] === b);

function notCsv(what: string): ProblemError {
  return new ProblemError('request.unsupported-media-type', `The file is not CSV: it looks like ${what}. Upload a UTF-8 CSV file or an XLSX workbook`);
}

/** Reads the header and data rows of an uploaded CSV or XLSX file, or answers why it cannot. */
export async function readImportFile(body: Buffer, format: ImportFormat): Promise<RawImportTable> {
  if (body.length === 0) throw new ProblemError('import.file-invalid', 'The file is empty');
  return format === 'xlsx' ? readXlsx(body) : readCsv(body);
}

function readCsv(body: Buffer): RawImportTable {
  const known = SIGNATURES.find((signature) => startsWith(body, signature.bytes));
  if (known) throw notCsv(known.name);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw notCsv('binary data or text that is not UTF-8 (save the sheet as "CSV UTF-8")');
  }
  // Control characters other than tab and line breaks do not occur in a spreadsheet export.
  if (hasControlCharacters(text)) throw notCsv('binary data');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  // Spreadsheets in Russian and Central Asian locales write ';' between columns.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 64 * 1024,
      to: COMMUNITY_IMPORT_MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ProblemError('import.file-invalid', `The CSV cannot be read${line ? ` (line ${line})` : ''}: check quotes and separators`);
  }
  if (rows.length === 0) throw new ProblemError('import.file-invalid', 'The file is empty');
  const [header, ...data] = rows;
  const headers = header.record.map((h) => String(h));
  return {
    headers,
    records: data.map(({ record, info }) => ({ row: info.lines, cells: cellsByHeader(headers, record) })),
  };
}

async function readXlsx(body: Buffer): Promise<RawImportTable> {
  if (!startsWith(body, [0x50, 0x4b, 0x03, 0x04])) throw new ProblemError('request.unsupported-media-type', 'The file is not an XLSX workbook');
  // A small zip can unpack to gigabytes: its directory and every part are checked, with an inflater that stops at the
  // declared size, before exceljs (whose unzipper trusts the archive) opens it (ADR 0030).
  assertSafeXlsxZip(body);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new ProblemError('import.file-invalid', 'The workbook cannot be read; save it again as .xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ProblemError('import.file-invalid', 'The file is empty');
  let headers: string[] | undefined;
  const records: RawImportRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as CellValue[]).slice(1).map(cellText);
    if (values.every((v) => v === '')) return;
    if (!headers) headers = values.map(String);
    else records.push({ row: rowNumber, cells: cellsByHeader(headers, values) });
  });
  return { headers: headers ?? [], records };
}

/**
 * Sum of the uncompressed sizes the zip's central directory declares, read before anything is inflated;
 * undefined when there is no readable central directory. ZIP64 entries count as too large.
 */
export function unpackedZipSize(zip: Buffer): number | undefined {
  const END_OF_DIRECTORY = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== ENTRY) return undefined;
    const size = zip.readUInt32LE(offset + 24);
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

function cellsByHeader(headers: string[], values: unknown[]): Record<string, unknown> {
  const cells: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  headers.forEach((header, i) => {
    cells[header] = values[i] ?? '';
  });
  // Values beyond the last header would be lost silently: keep them under a marker the row check reports.
  if (values.slice(headers.length).some((v) => v !== '' && v !== undefined && v !== null)) cells['(extra cells)'] = values.slice(headers.length);
  return cells;
}

/** A cell as a string, number or boolean, whatever Excel stored (formulas give their result). */
function cellText(value: CellValue | undefined): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
  }
  return String(value as unknown);
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}
