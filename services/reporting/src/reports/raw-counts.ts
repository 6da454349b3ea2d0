import { AGE_GROUPS, GENDERS, SELF_REPORTED_SOURCES, type ActionStatus, type ConcernTopic, type OrganisedBy, type Sensitivity } from '@rd/contracts';

/**
 * The additive numbers of one cell (a unit × quarter): every measure is computed from sums of these, so a
 * region or a range of quarters is the key-wise sum of its cells. Medians come from the histogram keys
 * `c.days.<n>`, overdue actions from `a.due.<date>`.
 */
export type RawCounts = Record<string, number>;

export interface AttendanceCells {
  women: Record<(typeof AGE_GROUPS)[number], number>;
  men: Record<(typeof AGE_GROUPS)[number], number>;
  other: Record<(typeof AGE_GROUPS)[number], number>;
}

/** Sums of a group of answers: how many, and their usefulness, trust and "contact the police first" totals. */
export interface AnswerSums {
  n: number;
  usefulnessSum: number;
  trustSum: number;
  firstCount: number;
}

/** The answers residents gave themselves (ADR 46); staff-entered ones are the rest of the meeting's total. */
export type SelfReportedTotals = Record<(typeof SELF_REPORTED_SOURCES)[number], AnswerSums>;

export interface MeetingRow {
  meetingId: string;
  state: 'scheduled' | 'postponed' | 'cancelled' | 'held';
  organisedBy: OrganisedBy | null;
  attendance: AttendanceCells | null;
  officials: number;
  respondents: number;
  usefulnessSum: number;
  trustSum: number;
  contactFirstCount: number;
  /** Null or absent: every answer was entered by staff. */
  selfReported?: SelfReportedTotals | null;
}

export interface ConcernRow {
  meetingId: string;
  topic: ConcernTopic;
  sensitivity: Sensitivity;
  followUpNeeded: boolean;
  recordedAt: Date;
  resolvedAt: Date | null;
}

export interface ActionRow {
  meetingId: string;
  status: ActionStatus;
  dueDate: string;
}

export interface ComplianceFlags {
  expected: boolean;
  held: boolean;
  heldOnTime: boolean;
  planned: boolean;
}

const DAY_MS = 86_400_000;

function add(raw: RawCounts, key: string, n = 1): void {
  if (n !== 0) raw[key] = (raw[key] ?? 0) + n;
}

/** Whole days from recorded to resolved (never negative). */
export function daysToResolve(recordedAt: Date, resolvedAt: Date): number {
  return Math.max(0, Math.floor((resolvedAt.getTime() - recordedAt.getTime()) / DAY_MS));
}

/**
 * The counts of one cell from its facts: the compliance rows of its communities, its meetings (each once), and
 * the concerns and actions raised at those meetings.
 */
export function buildRawCounts(compliance: readonly ComplianceFlags[], meetings: readonly MeetingRow[], concerns: readonly ConcernRow[], actions: readonly ActionRow[]): RawCounts {
  const raw: RawCounts = {};
  for (const row of compliance) {
    if (!row.expected) continue;
    add(raw, 'expected');
    if (row.held) add(raw, 'held');
    if (row.heldOnTime) add(raw, 'heldOnTime');
    if (!row.held) add(raw, 'notHeld');
    if (!row.held && !row.planned) add(raw, 'notPlanned');
  }
  const meetingIds = new Set<string>();
  for (const m of meetings) {
    meetingIds.add(m.meetingId);
    if (m.state === 'held') {
      add(raw, 'meetingsHeld');
      if (m.organisedBy) add(raw, `org.${m.organisedBy}`);
    }
    if (m.state === 'cancelled') add(raw, 'meetingsCancelled');
    if (m.attendance && m.state !== 'cancelled') {
      add(raw, 'att.meetings');
      for (const g of GENDERS) for (const a of AGE_GROUPS) add(raw, `att.${g}.${a}`, m.attendance[g][a]);
      add(raw, 'att.officials', m.officials);
    }
    if (m.respondents > 0) {
      add(raw, 'fb.n', m.respondents);
      add(raw, 'fb.usefulness', m.usefulnessSum);
      add(raw, 'fb.trust', m.trustSum);
      add(raw, 'fb.first', m.contactFirstCount);
      // Per source: resident and kiosk as counted; staff is what remains of the total (cells written before had none).
      for (const source of SELF_REPORTED_SOURCES) {
        const sums = m.selfReported?.[source];
        if (!sums) continue;
        add(raw, `fb.src.${source}.n`, sums.n);
        add(raw, `fb.src.${source}.usefulness`, sums.usefulnessSum);
        add(raw, `fb.src.${source}.trust`, sums.trustSum);
        add(raw, `fb.src.${source}.first`, sums.firstCount);
      }
    }
  }
  for (const c of concerns) {
    if (!meetingIds.has(c.meetingId)) continue;
    add(raw, 'c.total');
    add(raw, `c.topic.${c.topic}`);
    add(raw, `c.sens.${c.sensitivity}`);
    if (c.followUpNeeded) add(raw, 'c.followUp');
    if (c.resolvedAt) {
      add(raw, 'c.resolved');
      add(raw, `c.days.${daysToResolve(c.recordedAt, c.resolvedAt)}`);
    }
  }
  for (const a of actions) {
    if (!meetingIds.has(a.meetingId)) continue;
    add(raw, 'a.total');
    if (a.status === 'open' || a.status === 'in-progress') {
      add(raw, 'a.open');
      // Whole past months count from the month key; the current month by day.
      add(raw, `a.dueM.${a.dueDate.slice(0, 7)}`);
      add(raw, `a.due.${a.dueDate}`);
    } else if (a.status === 'done') add(raw, 'a.done');
    else add(raw, 'a.other');
  }
  return raw;
}

/**
 * Day keys of open actions' due dates (`a.due.<date>`), by month. They are stored apart from the other counts
 * because only the current month's are ever read, and over ten years they are most of a cell's keys.
 */
export type DueDays = Record<string, Record<string, number>>;

const DUE_DAY = 'a.due.';

/** Counts without their day keys, and those day keys grouped by month (`YYYY-MM` → date → n). */
export function splitDueDays(raw: RawCounts): { counts: RawCounts; dueDays: DueDays } {
  const counts: RawCounts = {};
  const dueDays: DueDays = {};
  for (const key in raw) {
    if (key.startsWith(DUE_DAY)) {
      const date = key.slice(DUE_DAY.length);
      (dueDays[date.slice(0, 7)] ??= {})[date] = raw[key];
    } else counts[key] = raw[key];
  }
  return { counts, dueDays };
}

/** Counts with the day keys of the given days (one month's, or every month's merged) put back. */
export function withDueDays(counts: RawCounts, days: Record<string, number> | null | undefined): RawCounts {
  if (!days) return counts;
  const out = { ...counts };
  for (const date in days) out[`${DUE_DAY}${date}`] = days[date];
  return out;
}

/** Every month's days of a stored cell, as one date → n map. */
export function allDueDays(dueDays: DueDays | null | undefined): Record<string, number> {
  return Object.assign({}, ...Object.values(dueDays ?? {}));
}

/** Key-wise sum. */
export function sumCounts(cells: Iterable<RawCounts>): RawCounts {
  const out: RawCounts = {};
  for (const cell of cells) {
    for (const key in cell) {
      const n = cell[key];
      if (n) out[key] = (out[key] ?? 0) + n;
    }
  }
  return out;
}

/** The median of a `c.days.<n>` histogram (mean of the two middle values for an even count). */
export function histogramMedian(raw: RawCounts): number | null {
  const buckets = Object.entries(raw)
    .filter(([key]) => key.startsWith('c.days.'))
    .map(([key, n]) => [Number(key.slice('c.days.'.length)), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const [days, n] of buckets) {
      seen += n;
      if (rank < seen) return days;
    }
    return buckets[buckets.length - 1][0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Open actions whose due date is before `today` (YYYY-MM-DD): whole months from the month keys, this month by day. */
export function overdueActions(raw: RawCounts, today: string): number {
  let n = 0;
  const month = `a.dueM.${today.slice(0, 7)}`;
  const dayFrom = `a.due.${today.slice(0, 7)}-`;
  const limit = `a.due.${today}`;
  for (const key in raw) {
    if (key.startsWith('a.dueM.') && key < month) n += raw[key];
    else if (key.startsWith(dayFrom) && key < limit) n += raw[key];
  }
  return n;
}

