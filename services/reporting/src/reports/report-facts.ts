import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionStatus, ConcernTopic, OrganisedBy, Sensitivity } from '@rd/contracts';
import { DEFAULT_TIME_ZONE } from '@rd/contracts';
import type { AttendanceCells, MeetingRow, SelfReportedTotals } from './raw-counts';

/** What reporting knows of one meeting, merged from its events (table meeting_fact; `quarter` is generated). */
export interface MeetingFactRecord {
  meeting_id: string;
  district_code: string;
  region_code: string | null;
  community_ids: string[];
  planned_quarter: string | null;
  planned_at: Date | null;
  scheduled_for: Date | null;
  rescheduled: boolean;
  cancelled_at: Date | null;
  held_quarter: string | null;
  held_at: Date | null;
  closed_at: Date | null;
  time_zone: string | null;
  organised_by: OrganisedBy | null;
  attendance: AttendanceCells | null;
  officials: number;
  attendance_at: Date | null;
  respondents: number;
  usefulness_sum: number;
  trust_sum: number;
  contact_first_count: number;
  /** Totals of the answers residents gave themselves, per source (ADR 46); null: all from staff. */
  feedback_self: SelfReportedTotals | null;
  feedback_at: Date | null;
  quarter?: string | null;
}

export interface ConcernFactRecord {
  concern_id: string;
  meeting_id: string;
  district_code: string;
  topic: ConcernTopic;
  sensitivity: Sensitivity;
  sensitivity_at: Date;
  follow_up_needed: boolean | null;
  recorded_at: Date | null;
  resolved_at: Date | null;
  resolution_at: Date | null;
}

export interface ActionFactRecord {
  action_id: string;
  concern_id: string;
  meeting_id: string;
  district_code: string;
  status: ActionStatus;
  status_at: Date;
  due_date: string | null;
}

export const toDate = (v: Date | string | null): Date | null => (v === null || v === undefined ? null : new Date(v));

/** A JS array as a PostgreSQL array literal (ids only: no quoting needed). */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

// ---- one upsert per fact table, written from its column list ---------------------------------------------

interface ColumnSpec {
  /** SQL cast of the parameter, e.g. `uuid[]`. */
  cast?: string;
  encode?: (value: never) => unknown;
  /** The value on conflict; default `excluded.<column>`. */
  onConflict?: string;
}

/**
 * `insert … on conflict (key) do update` of every column of a fact table. The spec lists each column of the record
 * once (the compiler checks none is missing), in the table's order.
 */
function factUpsert<R>(table: string, key: keyof R & string, columns: { [K in keyof Required<R>]-?: ColumnSpec }) {
  const names = Object.keys(columns) as (keyof R & string)[];
  const spec = (name: string): ColumnSpec => (columns as Record<string, ColumnSpec>)[name];
  const sql =
    `insert into ${table} (${names.join(', ')}) values (${names.map((n) => (spec(n).cast ? `?::${spec(n).cast}` : '?')).join(', ')}) ` +
    `on conflict (${key}) do update set ${names
      .filter((n) => n !== key)
      .map((n) => `${n} = ${spec(n).onConflict ?? `excluded.${n}`}`)
      .join(', ')}`;
  return async (tx: EntityManager, row: R): Promise<void> => {
    await tx.execute(
      sql,
      names.map((n) => {
        const encode = spec(n).encode as ((value: unknown) => unknown) | undefined;
        return encode ? encode(row[n]) : row[n];
      }),
    );
  };
}

const writeMeetingFactRow = factUpsert<Omit<MeetingFactRecord, 'quarter'>>('meeting_fact', 'meeting_id', {
  meeting_id: {},
  district_code: {},
  region_code: {},
  community_ids: { cast: 'uuid[]', encode: (ids: string[]) => pgArray(ids) },
  planned_quarter: {},
  planned_at: {},
  scheduled_for: {},
  rescheduled: {},
  cancelled_at: {},
  held_quarter: {},
  held_at: {},
  closed_at: {},
  time_zone: {},
  organised_by: {},
  attendance: { cast: 'jsonb', encode: (cells: AttendanceCells | null) => (cells === null ? null : JSON.stringify(cells)) },
  officials: {},
  attendance_at: {},
  respondents: {},
  usefulness_sum: {},
  trust_sum: {},
  contact_first_count: {},
  feedback_self: { cast: 'jsonb', encode: (totals: SelfReportedTotals | null) => (totals === null ? null : JSON.stringify(totals)) },
  feedback_at: {},
});

export const writeConcernFact = factUpsert<ConcernFactRecord>('concern_fact', 'concern_id', {
  concern_id: {},
  meeting_id: {},
  district_code: {},
  topic: {},
  sensitivity: {},
  sensitivity_at: {},
  follow_up_needed: {},
  recorded_at: {},
  resolved_at: {},
  resolution_at: {},
});

export const writeActionFact = factUpsert<ActionFactRecord>('action_fact', 'action_id', {
  action_id: {},
  concern_id: {},
  meeting_id: {},
  district_code: {},
  status: {},
  status_at: {},
  // An assignment without a due date keeps the one already known.
  due_date: { onConflict: 'coalesce(excluded.due_date, action_fact.due_date)' },
});

export function writeMeetingFact(tx: EntityManager, m: MeetingFactRecord): Promise<void> {
  const { quarter: _generated, ...row } = m;
  return writeMeetingFactRow(tx, row);
}

// ---- reads ----------------------------------------------------------------------------------------------

/** A meeting not seen before: nothing known but its place. */
export function newMeetingFact(meetingId: string, e: { districtCode: string; regionCode?: string; communityIds?: string[] }): MeetingFactRecord {
  return {
    meeting_id: meetingId,
    district_code: e.districtCode,
    region_code: e.regionCode ?? null,
    community_ids: e.communityIds ?? [],
    planned_quarter: null,
    planned_at: null,
    scheduled_for: null,
    rescheduled: false,
    cancelled_at: null,
    held_quarter: null,
    held_at: null,
    closed_at: null,
    time_zone: null,
    organised_by: null,
    attendance: null,
    officials: 0,
    attendance_at: null,
    respondents: 0,
    usefulness_sum: 0,
    trust_sum: 0,
    contact_first_count: 0,
    feedback_self: null,
    feedback_at: null,
  };
}

export async function readMeetingFact(tx: EntityManager, meetingId: string): Promise<MeetingFactRecord | null> {
  const [row] = await tx.execute<MeetingFactRecord[]>('select * from meeting_fact where meeting_id = ?', [meetingId]);
  if (!row) return null;
  return {
    ...row,
    planned_at: toDate(row.planned_at),
    scheduled_for: toDate(row.scheduled_for),
    cancelled_at: toDate(row.cancelled_at),
    held_at: toDate(row.held_at),
    closed_at: toDate(row.closed_at),
    attendance_at: toDate(row.attendance_at),
    feedback_at: toDate(row.feedback_at),
    usefulness_sum: Number(row.usefulness_sum),
    trust_sum: Number(row.trust_sum),
    contact_first_count: Number(row.contact_first_count),
  };
}

export async function readConcernFact(tx: EntityManager, concernId: string): Promise<Omit<ConcernFactRecord, 'concern_id' | 'meeting_id' | 'district_code'> | null> {
  const [row] = await tx.execute<Omit<ConcernFactRecord, 'concern_id' | 'meeting_id' | 'district_code'>[]>(
    'select topic, sensitivity, sensitivity_at, follow_up_needed, recorded_at, resolved_at, resolution_at from concern_fact where concern_id = ?',
    [concernId],
  );
  if (!row) return null;
  return { ...row, sensitivity_at: new Date(row.sensitivity_at), recorded_at: toDate(row.recorded_at), resolved_at: toDate(row.resolved_at), resolution_at: toDate(row.resolution_at) };
}

export async function readActionFact(tx: EntityManager, actionId: string): Promise<{ status: ActionStatus; status_at: Date; due_date: string | null } | null> {
  const [row] = await tx.execute<{ status: ActionStatus; status_at: Date; due_date: string | Date | null }[]>(
    'select status, status_at, due_date from action_fact where action_id = ?',
    [actionId],
  );
  if (!row) return null;
  return { status: row.status, status_at: new Date(row.status_at), due_date: row.due_date === null ? null : dueDateText(row.due_date) };
}

export async function learnDistrict(tx: EntityManager, districtCode: string, regionCode: string | null, timeZone: string | null): Promise<void> {
  await tx.execute(
    `insert into district_info (district_code, region_code, time_zone) values (?, ?, ?)
     on conflict (district_code) do update set region_code = coalesce(excluded.region_code, district_info.region_code),
       time_zone = coalesce(excluded.time_zone, district_info.time_zone)`,
    [districtCode, regionCode, timeZone],
  );
}

export async function districtInfo(tx: EntityManager, districtCode: string): Promise<{ regionCode: string | null; timeZone: string }> {
  const [row] = await tx.execute<{ region_code: string | null; time_zone: string | null }[]>(
    'select region_code, time_zone from district_info where district_code = ?',
    [districtCode],
  );
  return { regionCode: row?.region_code ?? null, timeZone: row?.time_zone ?? DEFAULT_TIME_ZONE };
}

// ---- facts as the counting rules see them --------------------------------------------------------------

type MeetingState = MeetingRow['state'];

export function meetingState(m: Pick<MeetingFactRecord, 'held_quarter' | 'held_at' | 'closed_at' | 'cancelled_at' | 'rescheduled'>): MeetingState {
  if (m.held_quarter || m.held_at || m.closed_at) return 'held';
  if (m.cancelled_at) return 'cancelled';
  return m.rescheduled ? 'postponed' : 'scheduled';
}

export function toMeetingRow(m: MeetingFactRecord): MeetingRow {
  return {
    meetingId: m.meeting_id,
    state: meetingState(m),
    organisedBy: m.organised_by,
    attendance: m.attendance,
    officials: m.officials,
    respondents: m.respondents,
    usefulnessSum: Number(m.usefulness_sum),
    trustSum: Number(m.trust_sum),
    contactFirstCount: Number(m.contact_first_count),
    selfReported: m.feedback_self ?? null,
  };
}

export function dueDateText(value: string | Date | null): string {
  if (value === null) return '9999-12-31';
  if (value instanceof Date) {
    // pg returns a `date` as local midnight; take the calendar day back out.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${p(value.getMonth() + 1)}-${p(value.getDate())}`;
  }
  return value.slice(0, 10);
}
