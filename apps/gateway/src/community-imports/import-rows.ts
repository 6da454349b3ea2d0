import {
  COMMUNITY_IMPORT_MAX_ROWS,
  CommunityImportRowSchema,
  type ImportRowError,
  type NumberedImportRow,
} from '@rd/contracts';
import { ProblemError } from '../problem/problem';
import type { RawImportTable } from './import-file';

/** Columns an import file may have, as the contract names them. */
export const IMPORT_COLUMNS = ['name', 'districtCode', 'kind', 'population', 'borderAdjacent', 'languages', 'latitude', 'longitude', 'code'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'districtCode', 'kind'];

// "District code", "district_code" and "DistrictCode" all name the same column.
const normalise = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');
const BY_NORMALISED = new Map<string, Column>(IMPORT_COLUMNS.map((c) => [normalise(c), c]));

export interface ImportRows {
  /** Data rows in the file. */
  total: number;
  /** Rows whose cells fit the contract, ready for the communities service. */
  rows: NumberedImportRow[];
  /** Problems found in the cells. */
  errors: ImportRowError[];
}

/** Checks the header, types each cell and validates each row with the import contract. */
export function toImportRows(table: RawImportTable): ImportRows {
  const columns = mapHeaders(table.headers);
  if (table.records.length === 0) throw new ProblemError('import.file-invalid', 'The file has a header but no data rows');
  if (table.records.length > COMMUNITY_IMPORT_MAX_ROWS) {
    throw new ProblemError('request.too-large', `The file has more than ${COMMUNITY_IMPORT_MAX_ROWS} data rows; split it into smaller files`);
  }
  const rows: NumberedImportRow[] = [];
  const errors: ImportRowError[] = [];
  for (const record of table.records) {
    const rowErrors: ImportRowError[] = [];
    const input: Record<string, unknown> = {};
    if (record.cells['(extra cells)'] !== undefined) rowErrors.push({ row: record.row, field: '(row)', message: 'has more cells than the header has columns' });
    table.headers.forEach((header, i) => {
      const column = columns[i];
      const value = convert(column, record.cells[header]);
      if (value instanceof CellError) rowErrors.push({ row: record.row, field: column, message: value.message });
      else if (value !== undefined) input[column] = value;
    });
    placeCoordinates(record.row, input, rowErrors);
    const parsed = CommunityImportRowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = columnOf(issue.path);
        // A cell that could not be converted is reported once, by its conversion error.
        if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ row: record.row, field, message: issue.message });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ row: record.row, data: parsed.data });
  }
  return { total: table.records.length, rows, errors };
}

/** The file has latitude and longitude columns; the contract has one `location`. */
function placeCoordinates(row: number, input: Record<string, unknown>, errors: ImportRowError[]): void {
  const { latitude, longitude } = input;
  delete input.latitude;
  delete input.longitude;
  if (latitude === undefined && longitude === undefined) return;
  if (latitude === undefined || longitude === undefined) {
    if (!errors.some((e) => e.field === 'latitude' || e.field === 'longitude')) {
      errors.push({ row, field: latitude === undefined ? 'latitude' : 'longitude', message: 'give both latitude and longitude, or neither' });
    }
    return;
  }
  input.location = { lat: latitude, lng: longitude };
}

/** The file column a contract issue path points at. */
function columnOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'location') return path[1] === 'lng' ? 'longitude' : 'latitude';
  return path.length ? String(path[0]) : '(row)';
}

function mapHeaders(headers: readonly string[]): Column[] {
  const columns = headers.map((h) => BY_NORMALISED.get(normalise(h)));
  const unknown = headers.filter((_h, i) => !columns[i]);
  if (unknown.length) {
    throw new ProblemError('import.file-invalid', `Unknown columns: ${unknown.map((h) => `"${h}"`).join(', ')}. Allowed columns: ${IMPORT_COLUMNS.join(', ')}`);
  }
  const present = columns as Column[];
  const repeated = present.filter((c, i) => present.indexOf(c) !== i);
  if (repeated.length) throw new ProblemError('import.file-invalid', `Columns given twice: ${[...new Set(repeated)].join(', ')}`);
  const missing = REQUIRED.filter((c) => !present.includes(c));
  if (missing.length) throw new ProblemError('import.file-invalid', `Missing columns: ${missing.join(', ')}`);
  return present;
}

class CellError {
  constructor(readonly message: string) {}
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'да', 'ҳа', 'ооба']);
const FALSE = new Set(['false', 'no', 'n', '0', 'нет', 'не', 'жок']);

/** A cell as the contract expects it; undefined for an empty cell, a CellError when it cannot be read. */
function convert(column: Column, cell: unknown): unknown {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  switch (column) {
    case 'name':
    case 'districtCode':
    case 'kind':
    case 'code':
      return typeof cell === 'string' ? (column === 'name' ? cell.trim() : cell.trim().toLowerCase()) : String(cell);
    case 'population':
      return toNumber(cell, 'must be a whole number', /^\d+$/);
    case 'latitude':
    case 'longitude':
      return toNumber(cell, 'must be a number in decimal degrees, e.g. 40.12', /^[+-]?\d+([.,]\d+)?$/);
    case 'borderAdjacent': {
      if (typeof cell === 'boolean') return cell;
      const text = String(cell).trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      return new CellError('must be true or false (yes/no, 1/0)');
    }
    case 'languages':
      return String(cell)
        .split(/[\s;,|]+/)
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean);
  }
}

function toNumber(cell: unknown, message: string, pattern: RegExp): number | CellError {
  if (typeof cell === 'number') return cell;
  const text = String(cell).trim().replace(/\s/g, '');
  // Decimal commas come from spreadsheets in Russian and Central Asian locales.
  return pattern.test(text) ? Number(text.replace(',', '.')) : new CellError(message);
}
