import { addQuarters, type HiddenConcernCounts, type ReportTimeSeries } from '@rd/contracts';

/** How many quarters of the community's reporting rate the page shows (two years). */
export const RATE_QUARTERS = 8;

/** The quarters shown: the last `count` ending with the current one. */
export function rateWindow(current: string, count = RATE_QUARTERS): { from: string; to: string } {
  return { from: addQuarters(current, -(count - 1)), to: current };
}

/**
 * One quarter of one community: held (on time or late), missed (over without one held), due (expected, still under
 * way) or not expected (not active long enough in it to count).
 */
export type QuarterState = 'held' | 'held-late' | 'missed' | 'due' | 'not-expected';

export interface QuarterRow {
  quarter: string;
  state: QuarterState;
  meetingsHeld: number;
}

export interface RateHistory {
  rows: QuarterRow[];
  expected: number;
  held: number;
  /** held / expected over the window; null when nothing was expected. */
  rate: number | null;
}

/** The community's quarters from GET /reports/timeseries (level=community), newest first, with the window's rate. */
export function rateHistory(series: Pick<ReportTimeSeries, 'points'> | undefined): RateHistory {
  const points = series?.points ?? [];
  let expected = 0;
  let held = 0;
  const rows = points.map(({ quarter, measures }): QuarterRow => {
    const rate = measures.reportingRate;
    expected += rate.expected;
    held += rate.held;
    const state: QuarterState =
      rate.held > 0 ? (rate.heldOnTime >= rate.held ? 'held' : 'held-late') : rate.expected === 0 ? 'not-expected' : rate.overdue > 0 ? 'missed' : 'due';
    return { quarter, state, meetingsHeld: rate.meetingsHeld };
  });
  return { rows: rows.reverse(), expected, held, rate: expected === 0 ? null : held / expected };
}

/** What the concerns register tells a reader of one community: what they may read, and the rest as counts only. */
export interface ConcernCounts {
  /** Open concerns the reader may read. */
  open: number;
  /** Concerns of any status the reader may not read, per sensitivity (X-Hidden-Concerns). */
  hidden: HiddenConcernCounts;
  hiddenTotal: number;
}

export function concernCounts(open: number, hidden: HiddenConcernCounts): ConcernCounts {
  return { open, hidden, hiddenTotal: hidden.public + hidden.restricted + hidden.confidential };
}

/** The open follow-up actions: those not done, referred or dropped. */
export const OPEN_ACTION_STATUSES = ['open', 'in-progress'] as const;
