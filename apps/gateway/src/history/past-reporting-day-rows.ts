import {
  AGE_GROUPS,
  COMMUNITY_IMPORT_MAX_ROWS,
  CONCERN_TOPICS,
  GENDERS,
  PastReportingDayImportRowSchema,
  SENSITIVITIES,
  type ImportRowError,
  type NumberedPastReportingDayRow,
} from '@rd/contracts';
import type { RawImportTable } from '../community-imports/import-file';
import { ProblemError } from '../problem/problem';

// One row per reporting day held before the software (docs/adr/0035-programme-history.md). Header case, spaces, `_`
// and `-` do not matter: "Women 18-29", "women_18to29" and "WOMEN18TO29" name the same column, "Men 60+" is men_60plus.

const AGE_COLUMN: Record<(typeof AGE_GROUPS)[number], string> = { under18: 'under18', from18to29: '18to29', from30to59: '30to59', from60: '60plus' };
const FEEDBACK_SCORES = [1, 2, 3, 4, 5] as const;

type Target =
  | { kind: 'text'; key: 'communityId' | 'communityName' | 'districtCode' | 'organisedBy' | 'facilitatingOrganisationId' | 'venueName' }
  | { kind: 'date'; key: 'heldOn' }
  | { kind: 'attendance'; gender: (typeof GENDERS)[number]; age: (typeof AGE_GROUPS)[number] }
  | { kind: 'concern'; topic: (typeof CONCERN_TOPICS)[number]; sensitivity: (typeof SENSITIVITIES)[number] }
  | { kind: 'score'; question: 'usefulness' | 'trust'; score: number }
  | { kind: 'contact'; answer: 'yes' | 'no' };

/** Every column the file may have, by the name the docs and the error report use. */
export const PAST_DAY_COLUMNS: ReadonlyMap<string, Target> = new Map<string, Target>([
  ...(['communityId', 'communityName', 'districtCode', 'organisedBy', 'facilitatingOrganisationId', 'venueName'] as const).map(
    (key) => [key, { kind: 'text', key }] as [string, Target],
  ),
  ['heldOn', { kind: 'date', key: 'heldOn' }],
  ...GENDERS.flatMap((gender) => AGE_GROUPS.map((age) => [`${gender}_${AGE_COLUMN[age]}`, { kind: 'attendance', gender, age }] as [string, Target])),
  ...CONCERN_TOPICS.flatMap((topic) =>
    SENSITIVITIES.map((sensitivity) => [`concerns_${topic}_${sensitivity}`, { kind: 'concern', topic, sensitivity }] as [string, Target]),
  ),
  ...(['usefulness', 'trust'] as const).flatMap((question) => FEEDBACK_SCORES.map((score) => [`${question}_${score}`, { kind: 'score', question, score }] as [string, Target])),
  ['contact_yes', { kind: 'contact', answer: 'yes' }],
  ['contact_no', { kind: 'contact', answer: 'no' }],
]);

// "18-29" reads as "18to29" and "60+" as "60plus", as people write age groups.
const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/(\d+)\s*[-–]\s*(\d+)/g, '$1to$2')
    .replace(/(\d+)\s*\+/g, '$1plus')
    .replace(/[^a-z0-9]/g, '');
const BY_NORMALISED = new Map([...PAST_DAY_COLUMNS.keys()].map((column) => [normalise(column), column]));

export interface PastDayRows {
  /** Data rows in the file. */
  total: number;
  /** Rows whose cells fit the contract (a community named by name is resolved by the caller). */
  rows: NumberedPastReportingDayRow[];
  /** Problems found in the cells. */
  errors: ImportRowError[];
}

/** Checks the header, types each cell and validates each row with the import contract. */
export function toPastDayRows(table: RawImportTable): PastDayRows {
  const columns = mapHeaders(table.headers);
  if (table.records.length === 0) throw new ProblemError('import.file-invalid', 'The file has a header but no data rows');
  if (table.records.length > COMMUNITY_IMPORT_MAX_ROWS) {
    throw new ProblemError('request.too-large', `The file has more than ${COMMUNITY_IMPORT_MAX_ROWS} data rows; split it into smaller files`);
  }
  const rows: NumberedPastReportingDayRow[] = [];
  const errors: ImportRowError[] = [];
  for (const record of table.records) {
    const rowErrors: ImportRowError[] = [];
    if (record.cells['(extra cells)'] !== undefined) rowErrors.push({ row: record.row, field: '(row)', message: 'has more cells than the header has columns' });
    const built = newRow();
    table.headers.forEach((header, i) => {
      const problem = place(built, columns[i], record.cells[header]);
      if (problem) rowErrors.push({ row: record.row, field: columns[i], message: problem });
    });
    const parsed = PastReportingDayImportRowSchema.safeParse(finish(built));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = columnOf(issue.path, built);
        if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ row: record.row, field, message: issue.message });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ row: record.row, data: parsed.data });
  }
  return { total: table.records.length, rows, errors };
}

function mapHeaders(headers: readonly string[]): string[] {
  const columns = headers.map((h) => BY_NORMALISED.get(normalise(h)));
  const unknown = headers.filter((_h, i) => !columns[i]);
  if (unknown.length) {
    throw new ProblemError(
      'import.file-invalid',
      `Unknown columns: ${unknown.map((h) => `"${h}"`).join(', ')}. Allowed: communityId or communityName and districtCode, heldOn, organisedBy, ` +
        'facilitatingOrganisationId, venueName, women_under18 … other_60plus, concerns_<topic>_<sensitivity>, usefulness_1 … usefulness_5, trust_1 … trust_5, contact_yes, contact_no',
    );
  }
  const present = columns as string[];
  const repeated = present.filter((c, i) => present.indexOf(c) !== i);
  if (repeated.length) throw new ProblemError('import.file-invalid', `Columns given twice: ${[...new Set(repeated)].join(', ')}`);
  const missing = ['heldOn', 'organisedBy'].filter((c) => !present.includes(c));
  if (!present.includes('communityId') && !(present.includes('communityName') && present.includes('districtCode'))) missing.unshift('communityId (or communityName and districtCode)');
  if (missing.length) throw new ProblemError('import.file-invalid', `Missing columns: ${missing.join(', ')}`);
  return present;
}

interface BuiltRow {
  fields: Record<string, unknown>;
  counts: Record<string, Record<string, number>>;
  concerns: { topic: string; sensitivity: string; count: number; column: string }[];
  usefulness: number[];
  trust: number[];
  contact: { yes: number; no: number };
  feedbackGiven: boolean;
}

function newRow(): BuiltRow {
  const zeros = () => Object.fromEntries(AGE_GROUPS.map((age) => [age, 0]));
  return {
    fields: {},
    counts: Object.fromEntries(GENDERS.map((gender) => [gender, zeros()])),
    concerns: [],
    usefulness: [0, 0, 0, 0, 0],
    trust: [0, 0, 0, 0, 0],
    contact: { yes: 0, no: 0 },
    feedbackGiven: false,
  };
}

/** Puts one cell into the row; a message when the cell cannot be read. Empty cells leave the default (nothing, or 0). */
function place(row: BuiltRow, column: string, cell: unknown): string | undefined {
  const target = PAST_DAY_COLUMNS.get(column) as Target;
  if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  if (target.kind === 'text') {
    const text = String(cell).trim();
    row.fields[target.key] = target.key === 'districtCode' || target.key === 'organisedBy' ? text.toLowerCase() : text;
    return undefined;
  }
  if (target.kind === 'date') {
    const day = toDay(cell);
    if (!day) return 'must be a date like 2024-05-14 (or 14.05.2024)';
    row.fields.heldOn = day;
    return undefined;
  }
  const n = toCount(cell);
  if (n === undefined) return 'must be a whole number, 0 or more';
  switch (target.kind) {
    case 'attendance':
      row.counts[target.gender][target.age] = n;
      return undefined;
    case 'concern':
      if (n > 0) row.concerns.push({ topic: target.topic, sensitivity: target.sensitivity, count: n, column });
      return undefined;
    case 'score':
      row[target.question][target.score - 1] = n;
      row.feedbackGiven ||= n > 0;
      return undefined;
    case 'contact':
      row.contact[target.answer] = n;
      row.feedbackGiven ||= n > 0;
      return undefined;
  }
}

function finish(row: BuiltRow): Record<string, unknown> {
  return {
    ...row.fields,
    attendance: { counts: row.counts },
    concerns: row.concerns.map(({ topic, sensitivity, count }) => ({ topic, sensitivity, count })),
    ...(row.feedbackGiven ? { feedback: { usefulness: row.usefulness, trust: row.trust, contactPoliceFirst: row.contact } } : {}),
  };
}

/** The file column a contract issue path points at. */
function columnOf(path: readonly PropertyKey[], row: BuiltRow): string {
  const [first, second, third, fourth] = path;
  if (first === 'attendance' && third !== undefined && fourth !== undefined) return `${String(third)}_${AGE_COLUMN[fourth as (typeof AGE_GROUPS)[number]]}`;
  if (first === 'concerns' && typeof second === 'number') return row.concerns[second]?.column ?? 'concerns';
  if (first === 'feedback' && (second === 'usefulness' || second === 'trust')) return typeof third === 'number' ? `${second}_${third + 1}` : `${second}_1`;
  if (first === 'feedback' && second === 'contactPoliceFirst') return third === 'no' ? 'contact_no' : 'contact_yes';
  return path.length ? String(first) : '(row)';
}

function toCount(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
  const text = String(cell).trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}

/** `YYYY-MM-DD`, `DD.MM.YYYY` or an Excel date cell (read as midnight UTC). */
function toDay(cell: unknown): string | undefined {
  const text = String(cell).trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(T00:00:00(\.000)?Z)?$/.exec(text);
  if (iso) return iso[1];
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return `${dotted[3]}-${dotted[2].padStart(2, '0')}-${dotted[1].padStart(2, '0')}`;
  return undefined;
}
