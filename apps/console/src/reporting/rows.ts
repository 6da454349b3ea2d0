import type { Cell, ReportLevel, ReportMeasures, ReportSummary, ReportTimeSeries, ReportUnit } from '@rd/contracts';

/**
 * What a cell of the dashboard shows. `suppressed` comes from the gateway only: the console never recomputes a
 * suppressed value from other numbers (e.g. men = total − women), it just says "suppressed".
 */
export type CellDisplay = { kind: 'value'; value: number } | { kind: 'suppressed' } | { kind: 'empty' };

export function cellDisplay(cell: Cell | null | undefined): CellDisplay {
  if (!cell) return { kind: 'empty' };
  if (cell.suppressed) return { kind: 'suppressed' };
  return cell.value === null ? { kind: 'empty' } : { kind: 'value', value: cell.value };
}

/** A plain share or rate of the API (0–1, null without a denominator). */
export function shareDisplay(value: number | null | undefined): CellDisplay {
  return value === null || value === undefined ? { kind: 'empty' } : { kind: 'value', value };
}

/** One line of the reporting-rate table: the unit itself (total) or one of its children. */
export interface RateRow {
  id: string;
  level: ReportLevel;
  code: string | null;
  regionCode: string | null;
  districtCode: string | null;
  name: string;
  expected: number;
  held: number;
  heldOnTime: number;
  overdue: number;
  notScheduled: number;
  rate: CellDisplay;
  onTimeRate: CellDisplay;
  attendees: number;
  womenShare: CellDisplay;
  youthShare: CellDisplay;
  trustAverage: CellDisplay;
  concerns: number;
  /** Whether a click opens this unit's own summary (a child, and not a community below the caller's rights). */
  drillable: boolean;
}

/** Names of units by code (regions, districts) or id (communities); the code is shown when there is none. */
export type UnitNames = ReadonlyMap<string, string>;

const unitKey = (unit: ReportUnit) => `${unit.level}:${unit.code ?? ''}`;

function rowOf(unit: ReportUnit, measures: ReportMeasures, names: UnitNames, drillable: boolean): RateRow {
  const { reportingRate: rr, attendance, trust, concerns } = measures;
  return {
    id: unitKey(unit),
    level: unit.level,
    code: unit.code,
    regionCode: unit.regionCode,
    districtCode: unit.districtCode,
    name: unit.code === null ? '' : (names.get(unit.code) ?? unit.code),
    expected: rr.expected,
    held: rr.held,
    heldOnTime: rr.heldOnTime,
    overdue: rr.overdue,
    notScheduled: rr.notScheduled,
    rate: shareDisplay(rr.rate),
    onTimeRate: shareDisplay(rr.onTimeRate),
    attendees: attendance.total,
    womenShare: cellDisplay(attendance.womenShare),
    youthShare: cellDisplay(attendance.youthShare),
    trustAverage: cellDisplay(trust.trustAverage),
    concerns: concerns.total,
    drillable,
  };
}

/**
 * The children of a summary side by side (regions of the country, districts of a region, communities of a
 * district), in the order the API sends them. A community child is drillable only with `drillDown`; the API
 * already leaves communities out for callers without it.
 */
export function toRateRows(summary: ReportSummary, names: UnitNames): RateRow[] {
  return summary.children.map((child) =>
    rowOf(child.unit, child.measures, names, child.unit.level !== 'community' || summary.drillDown),
  );
}

/** The unit of the summary itself, as the table's total line. */
export function totalRow(summary: ReportSummary, names: UnitNames): RateRow {
  return rowOf(summary.unit, summary.measures, names, false);
}

/** One quarter of the trend charts. Percentages are the API's shares × 100; suppressed or empty ones are null (a gap). */
export interface TrendPoint {
  quarter: string;
  rate: number | null;
  onTimeRate: number | null;
  held: number;
  expected: number;
  attendees: number;
  womenShare: number | null;
  youthShare: number | null;
  trustAverage: number | null;
  usefulnessAverage: number | null;
  concerns: number;
}

/** Series of a trend chart that hold a suppressed value in some quarter (the chart says so under it). */
export type TrendSuppression = Partial<Record<'womenShare' | 'youthShare' | 'trustAverage' | 'usefulnessAverage', string[]>>;

const percent = (display: CellDisplay) => (display.kind === 'value' ? Math.round(display.value * 1000) / 10 : null);
const plain = (display: CellDisplay) => (display.kind === 'value' ? display.value : null);

export function toTrendPoints(series: ReportTimeSeries): { points: TrendPoint[]; suppressed: TrendSuppression } {
  const suppressed: TrendSuppression = {};
  const note = (key: keyof TrendSuppression, quarter: string, cell: Cell) => {
    if (cell.suppressed) (suppressed[key] ??= []).push(quarter);
  };
  const points = series.points.map(({ quarter, measures }) => {
    const { reportingRate: rr, attendance, trust } = measures;
    note('womenShare', quarter, attendance.womenShare);
    note('youthShare', quarter, attendance.youthShare);
    note('trustAverage', quarter, trust.trustAverage);
    note('usefulnessAverage', quarter, trust.usefulnessAverage);
    return {
      quarter,
      rate: percent(shareDisplay(rr.rate)),
      onTimeRate: percent(shareDisplay(rr.onTimeRate)),
      held: rr.held,
      expected: rr.expected,
      attendees: attendance.total,
      womenShare: percent(cellDisplay(attendance.womenShare)),
      youthShare: percent(cellDisplay(attendance.youthShare)),
      trustAverage: plain(cellDisplay(trust.trustAverage)),
      usefulnessAverage: plain(cellDisplay(trust.usefulnessAverage)),
      concerns: measures.concerns.total,
    };
  });
  return { points, suppressed };
}

/** Bands of the reporting rate, for the map markers and the table chips. */
export type RateBand = 'good' | 'fair' | 'poor' | 'none';

export function rateBand(rate: CellDisplay): RateBand {
  if (rate.kind !== 'value') return 'none';
  if (rate.value >= 0.9) return 'good';
  if (rate.value >= 0.6) return 'fair';
  return 'poor';
}

export const RATE_BAND_COLORS: Readonly<Record<RateBand, string>> = {
  good: '#2e6b3f',
  fair: '#e08a00',
  poor: '#b3261e',
  none: '#8e8e8e',
};
