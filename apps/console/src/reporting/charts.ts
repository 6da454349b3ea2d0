/**
 * How a chart of the dashboard draws its data. Pure so that the few-points and empty cases are unit-tested.
 */

/** Up to this many quarters a trend labels every point with its value (one or two points make no line to read). */
export const FEW_POINTS = 4;

export interface TrendLook {
  /** No series has a value in any quarter: the chart says so instead of drawing empty axes. */
  empty: boolean;
  /** Every point carries its value as a label, with a larger dot. */
  labelled: boolean;
  /** Dot radius of each point. */
  dotRadius: number;
  /** Space left and right of the first and last point, so a lone point or its label is not cut at the edge. */
  edgePadding: number;
}

/**
 * The look of a line chart over `points` for the series `keys`. A series with values in only one or two quarters
 * (a short period, or gaps around suppressed and empty quarters) is labelled too: isolated dots read as nothing
 * otherwise.
 */
export function trendLook<T extends object>(points: readonly T[], keys: readonly (keyof T)[]): TrendLook {
  const valued = (key: keyof T) => points.filter((point) => typeof point[key] === 'number').length;
  const counts = keys.map(valued);
  const empty = counts.every((count) => count === 0);
  const labelled = !empty && (points.length <= FEW_POINTS || counts.every((count) => count <= 2));
  return { empty, labelled, dotRadius: labelled ? 5 : 3, edgePadding: points.length <= 2 ? 48 : labelled ? 24 : 8 };
}

/** Width of a bar in percent of the longest one (0 for nothing, at least a sliver for a small non-zero value). */
export function barPercent(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.max(1, Math.min(100, Math.round((value / max) * 1000) / 10));
}
