import { CONCERN_TOPICS, ORGANISED_BY, type ConcernTopic, type OrganisedBy, type ReportMeasures, type ReportSummary, type ReportTimeSeries } from '@rd/contracts';
import { cellDisplay, shareDisplay, type CellDisplay } from './rows';

/**
 * Concerns by topic and the hand-over measure, as the dashboard shows them. Both come from the summary and time
 * series asked with `suppress=true`, the answers the exports are built from: the same small topics are suppressed
 * on screen as in the files (a confidential concern is only ever a count in a topic, and a small one is hidden with
 * its complements). Nothing is recomputed from other numbers.
 */

/** One topic: its count over the period and per quarter of the time series (oldest first). */
export interface TopicRow {
  topic: ConcernTopic;
  period: CellDisplay;
  quarters: CellDisplay[];
}

export interface TopicTable {
  quarters: string[];
  /** Topics with a concern or a suppressed cell in the period or any quarter, most raised first. */
  rows: TopicRow[];
  /** Concerns raised in the period (a total, never suppressed). */
  total: number;
  /** Concerns per quarter (totals). */
  totals: number[];
}

const shown = (display: CellDisplay) => display.kind === 'suppressed' || (display.kind === 'value' && display.value > 0);

/** Rank of a topic's period cell: values from large to small, then suppressed ones (their size is unknown). */
const rank = (display: CellDisplay) => (display.kind === 'value' ? display.value : -1);

export function topicTable(summary: ReportSummary, series: ReportTimeSeries | undefined): TopicTable {
  const points = series?.points ?? [];
  const rows = CONCERN_TOPICS.map((topic) => ({
    topic,
    period: cellDisplay(summary.measures.concerns.byTopic[topic]),
    quarters: points.map((point) => cellDisplay(point.measures.concerns.byTopic[topic])),
  }))
    .filter((row) => shown(row.period) || row.quarters.some(shown))
    // Stable: topics of equal rank keep the managed list's order.
    .sort((a, b) => rank(b.period) - rank(a.period));
  return {
    quarters: points.map((point) => point.quarter),
    rows,
    total: summary.measures.concerns.total,
    totals: points.map((point) => point.measures.concerns.total),
  };
}

/** Who organised the meetings held: count and share of the meetings held for each kind of organiser. */
export interface HandOverPart {
  organisedBy: OrganisedBy;
  count: number;
  share: CellDisplay;
}

export interface HandOverView {
  meetingsHeld: number;
  /** Meetings the police organised themselves / meetings held: the hand-over measure. */
  policeShare: CellDisplay;
  parts: HandOverPart[];
}

export function handOverView(measures: ReportMeasures): HandOverView {
  const { handOver } = measures;
  const counts: Record<OrganisedBy, number> = { police: handOver.police, 'police-ngo-facilitated': handOver.policeNgoFacilitated, ngo: handOver.ngo };
  return {
    meetingsHeld: handOver.meetingsHeld,
    policeShare: shareDisplay(handOver.policeShare),
    parts: ORGANISED_BY.map((organisedBy) => ({
      organisedBy,
      count: counts[organisedBy],
      share: shareDisplay(handOver.meetingsHeld > 0 ? counts[organisedBy] / handOver.meetingsHeld : null),
    })),
  };
}

/** One quarter of the hand-over trend: the police-organised share × 100 (null without meetings held: a gap). */
export interface HandOverPoint {
  quarter: string;
  policeShare: number | null;
  meetingsHeld: number;
}

export function handOverTrend(series: ReportTimeSeries): HandOverPoint[] {
  return series.points.map(({ quarter, measures }) => ({
    quarter,
    policeShare: measures.handOver.policeShare === null ? null : Math.round(measures.handOver.policeShare * 1000) / 10,
    meetingsHeld: measures.handOver.meetingsHeld,
  }));
}
