import type { CommunityStatus } from '@rd/contracts';
import { quarterEnd, quarterFromIndex, quarterIndex, quarterOf, quarterStart } from '@rd/contracts';

/** A status a community entered at an instant (creation counts as entering its first status). */
export interface StatusFact {
  /** When it took effect: earlier than `recordedAt` for a backdated transition (docs/adr/0035). */
  at: Date;
  /** When it was recorded; orders two changes effective at the same instant. Defaults to `at`. */
  recordedAt?: Date;
  status: CommunityStatus;
}

/** What compliance needs to know of one meeting of the community. */
export interface MeetingFactForCompliance {
  meetingId: string;
  /** The quarter it counts for: the held quarter once held, else the planned one. */
  quarter: string;
  state: 'scheduled' | 'postponed' | 'cancelled' | 'held';
  /** When it was recorded as held (or closed, if the held event is not known). */
  heldAt: Date | null;
  timeZone: string;
  scheduledFor: Date | null;
}

export interface CommunityQuarterRow {
  quarter: string;
  activeShare: number;
  expected: boolean;
  held: boolean;
  heldOnTime: boolean;
  /** A scheduled or postponed meeting exists for the quarter. */
  planned: boolean;
}

/** Share of a quarter a community must be active for a reporting day to be due. */
export const EXPECTED_ACTIVE_SHARE = 0.5;

/** Active intervals [from, to) in ms; `to` is null while still active. */
export function activeIntervals(facts: readonly StatusFact[]): { from: number; to: number | null }[] {
  const recorded = (f: StatusFact) => (f.recordedAt ?? f.at).getTime();
  const sorted = [...facts].sort((a, b) => a.at.getTime() - b.at.getTime() || recorded(a) - recorded(b) || statusRank(a.status) - statusRank(b.status));
  const out: { from: number; to: number | null }[] = [];
  let open: number | null = null;
  for (const fact of sorted) {
    const t = fact.at.getTime();
    if (fact.status === 'active' && open === null) open = t;
    // `proposed` is only ever the status a community is created with (nothing leads back to it): a community
    // created today whose activation took effect in 2023 was active all along.
    if (fact.status !== 'active' && fact.status !== 'proposed' && open !== null) {
      out.push({ from: open, to: t });
      open = null;
    }
  }
  if (open !== null) out.push({ from: open, to: null });
  return out;
}

// Two status events at the same instant: apply them in lifecycle order so the result does not depend on arrival.
function statusRank(status: CommunityStatus): number {
  return ['proposed', 'onboarding', 'active', 'paused', 'archived'].indexOf(status);
}

/**
 * One row per quarter in which the community was active at all, up to `horizon` (the current quarter) for a
 * community still active. Quarter bounds of the active share are taken in UTC (a few hours either way do not
 * move a half-quarter threshold); whether a meeting was held on time uses the district time zone.
 */
export function complianceRows(facts: readonly StatusFact[], meetings: readonly MeetingFactForCompliance[], horizon: string): CommunityQuarterRow[] {
  const intervals = activeIntervals(facts);
  if (intervals.length === 0) return [];
  const first = quarterIndex(quarterOf(new Date(intervals[0].from), 'UTC'));
  const lastInterval = intervals[intervals.length - 1];
  const last = lastInterval.to === null ? Math.max(quarterIndex(horizon), first) : quarterIndex(quarterOf(new Date(lastInterval.to - 1), 'UTC'));
  const rows: CommunityQuarterRow[] = [];
  for (let i = first; i <= last; i += 1) {
    const quarter = quarterFromIndex(i);
    const start = quarterStart(quarter, 'UTC').getTime();
    const end = quarterEnd(quarter, 'UTC').getTime();
    let active = 0;
    for (const interval of intervals) {
      const from = Math.max(start, interval.from);
      const to = Math.min(end, interval.to ?? end);
      if (to > from) active += to - from;
    }
    if (active <= 0) continue;
    const activeShare = active / (end - start);
    const ofQuarter = meetings.filter((m) => m.quarter === quarter);
    const heldMeetings = ofQuarter.filter((m) => m.state === 'held');
    const expected = activeShare >= EXPECTED_ACTIVE_SHARE || heldMeetings.length > 0;
    const held = expected && heldMeetings.length > 0;
    const heldOnTime = held && heldMeetings.some((m) => m.heldAt !== null && quarterIndex(quarterOf(m.heldAt, m.timeZone)) <= i);
    const planned = ofQuarter.some((m) => m.state === 'scheduled' || m.state === 'postponed');
    rows.push({ quarter, activeShare, expected, held, heldOnTime, planned });
  }
  return rows;
}
