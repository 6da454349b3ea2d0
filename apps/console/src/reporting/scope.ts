import type { ActorScope, ReportLevel } from '@rd/contracts';
import type { ReportPeriod } from './period';

/** A unit a summary can be asked for: the country, a region or district code, or a community id. */
export interface UnitRef {
  level: ReportLevel;
  code?: string;
}

/**
 * Where each user's dashboard starts, from the scope of GET /me: the country for the national coordinator,
 * each held region (a regional reviewer sees its districts side by side there), and each district not inside
 * a held region. The gateway still decides (404 outside scope); this only avoids asking for what is refused.
 */
export function startingUnits(scope: ActorScope): UnitRef[] {
  if (scope.national) return [{ level: 'country' }];
  return [
    ...scope.regions.map((code) => ({ level: 'region' as const, code })),
    ...scope.districts.map((code) => ({ level: 'district' as const, code })),
  ];
}

export const sameUnit = (a: UnitRef, b: UnitRef) => a.level === b.level && (a.code ?? '') === (b.code ?? '');

/**
 * The breadcrumb after opening `next` from the last unit of `path`; opening a unit already on the path goes
 * back to it.
 */
export function drillTo(path: readonly UnitRef[], next: UnitRef): UnitRef[] {
  const at = path.findIndex((unit) => sameUnit(unit, next));
  return at >= 0 ? path.slice(0, at + 1) : [...path, next];
}

/**
 * Query string of GET /reports/summary and /reports/timeseries. `suppress` asks for small-group suppression even
 * where the caller's view would go without it, as the exports always do.
 */
export function reportQuery(unit: UnitRef, period: ReportPeriod, options: { suppress?: boolean } = {}): string {
  const query = new URLSearchParams({ level: unit.level });
  if (unit.code !== undefined) query.set('code', unit.code);
  query.set('from', period.from);
  query.set('to', period.to);
  if (options.suppress) query.set('suppress', 'true');
  return query.toString();
}

/**
 * Query of GET /reports/missing for a unit (communities without a reporting day), or null when the unit has no
 * such list (a single community).
 */
export function missingQuery(unit: UnitRef, quarter: string, limit = 100): string | null {
  if (unit.level === 'community') return null;
  const query = new URLSearchParams({ level: unit.level });
  if (unit.code !== undefined) query.set('code', unit.code);
  query.set('quarter', quarter);
  query.set('limit', String(limit));
  return query.toString();
}
