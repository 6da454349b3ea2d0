import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { actorHasPermission } from '@rd/auth-core';
import {
  actorCoversDistrict,
  addQuarters,
  CHILD_LEVEL,
  DEFAULT_TIME_ZONE,
  DomainException,
  MissingReportsInputSchema,
  quarterEnd,
  quarterFromIndex,
  quarterIndex,
  quarterOf,
  quartersBetween,
  ReportScopeInputSchema,
  type Actor,
  type MissingReportItem,
  type MissingReports,
  type MissingReportsInput,
  type ReportLevel,
  type ReportMeasures,
  type ReportScopeInput,
  type ReportSummary,
  type ReportTimeSeries,
  type ReportUnit,
} from '@rd/contracts';
import { PLAN_RAW_KEYS, planSuppression, toMeasures } from './measures';
import { sumCounts, withDueDays, type RawCounts } from './raw-counts';
import { YEAR_LEVEL } from './report-cells';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';

interface CellRow {
  /** A quarter level, or its year level (`<level>-y`, quarter = the year). */
  level: string;
  code: string;
  quarter: string;
  district_code: string | null;
  region_code: string | null;
  time_zone: string | null;
  counts: RawCounts;
  updated_at: Date;
}

interface BoundaryRow {
  quarter: string;
  region_code: string | null;
  time_zone: string | null;
  notHeld: number;
}

const EMPTY: RawCounts = {};

// The counts a plan reads, as one array per cell in the order of PLAN_RAW_KEYS (constant keys of the code, checked
// to be plain); counts are integers, exact as float8.
const PLAN_VALUES = `array[${PLAN_RAW_KEYS.map((k) => {
  if (!/^[a-z0-9.-]+$/.test(k)) throw new Error(`unexpected plan key ${k}`);
  return `(s.j->>'${k}')::float8`;
}).join(', ')}]`;

/**
 * Answers summaries, time series and the missing list from the pre-aggregated cells: one indexed read of at
 * most (units × quarters) small rows, summed key-wise in memory. Scope: NOT_FOUND outside it.
 */
@Injectable()
export class ReportQueryService {
  /** Now: decides which quarters are over and which actions are overdue (tests move it). */
  clock: () => Date;

  constructor(
    private readonly em: EntityManager,
    @Inject(REPORTING_SETTINGS) private readonly settings: Pick<ReportingSettings, 'suppressionThreshold'> & Partial<ReportingSettings>,
  ) {
    this.clock = settings.clock ?? (() => new Date());
  }

  async summary(actor: Actor, raw: ReportScopeInput): Promise<ReportSummary> {
    const input = ReportScopeInputSchema.parse(raw);
    const em = this.em.fork();
    const to = input.to ?? input.from;
    const unit = await this.resolveUnit(em, actor, input.level, input.code);
    const drillDown = actorHasPermission(actor, 'report:drill-down');
    const suppress = input.level === 'country' || input.level === 'region' || !drillDown || input.suppress;
    const span = quarterIndex(to) - quarterIndex(input.from) + 1;
    const prevFrom = addQuarters(input.from, -span);
    const prevTo = addQuarters(input.from, -1);
    const options = this.options(suppress);
    const ownFilter = { code: unit.code ?? '' };

    const own = await this.cells(em, input.level, ownFilter, input.from, to, 'all');
    const ownBefore = await this.cells(em, input.level, ownFilter, prevFrom, prevTo, 'trust');
    const boundary = await this.boundaryDistrictCells(em, unit, input.from, to);
    // Suppression is planned per quarter over the whole table this caller can see, for the period and the one before.
    const plan = suppress ? await this.suppressionPlan(em, unit, drillDown, input.from, to, 'plan') : null;
    const planBefore = suppress ? await this.suppressionPlan(em, unit, drillDown, prevFrom, prevTo, 'trust-quarters') : null;
    const measuresOf = (rows: CellRow[], before: CellRow[], overdueRows: BoundaryRow[], of: ReportUnit): ReportMeasures =>
      toMeasures(
        sumCounts(rows.map((r) => r.counts)),
        sumCounts(before.map((r) => r.counts)),
        { ...options, overdue: this.overdue(rows, overdueRows), planned: plan?.hidden(of) },
        planBefore?.hidden(of),
      );

    const childLevel = CHILD_LEVEL[input.level];
    const children: ReportSummary['children'] = [];
    if (childLevel && (childLevel !== 'community' || drillDown)) {
      const filter = input.level === 'country' ? {} : input.level === 'region' ? { regionCode: unit.code as string } : { districtCode: unit.code as string };
      const byCode = groupBy(await this.cells(em, childLevel, filter, input.from, to, 'all'), (r) => r.code);
      const beforeByCode = groupBy(await this.cells(em, childLevel, filter, prevFrom, prevTo, 'trust'), (r) => r.code);
      for (const code of [...new Set([...byCode.keys(), ...beforeByCode.keys()])].sort()) {
        const childRows = byCode.get(code) ?? [];
        const before = beforeByCode.get(code) ?? [];
        const last = childRows[childRows.length - 1] ?? before[before.length - 1];
        const childUnit: ReportUnit = {
          level: childLevel,
          code,
          regionCode: childLevel === 'region' ? code : last.region_code,
          districtCode: childLevel === 'district' ? code : childLevel === 'community' ? last.district_code : null,
        };
        // Scope again per child: a region holder sees all its districts; anything else shows only what the actor covers.
        if (childUnit.districtCode && !actorCoversDistrict(actor.scope, childUnit.regionCode ?? '', childUnit.districtCode)) continue;
        const overdueRows = childLevel === 'region' ? boundary.filter((b) => b.region_code === code) : [];
        children.push({ unit: childUnit, measures: measuresOf(childRows, before, overdueRows, childUnit) });
      }
    }
    return {
      unit,
      period: { from: input.from, to, quarters: quartersBetween(input.from, to) },
      suppression: { threshold: this.settings.suppressionThreshold, applied: suppress },
      measures: measuresOf(own, ownBefore, boundary, unit),
      drillDown,
      children,
      asOf: latest(own),
    };
  }

  async timeSeries(actor: Actor, raw: ReportScopeInput): Promise<ReportTimeSeries> {
    const input = ReportScopeInputSchema.parse(raw);
    const em = this.em.fork();
    const to = input.to ?? input.from;
    const unit = await this.resolveUnit(em, actor, input.level, input.code);
    const drillDown = actorHasPermission(actor, 'report:drill-down');
    const suppress = input.level === 'country' || input.level === 'region' || !drillDown || input.suppress;
    const rows = await this.cells(em, input.level, { code: unit.code ?? '' }, addQuarters(input.from, -1), to, 'quarters');
    const boundary = await this.boundaryDistrictCells(em, unit, input.from, to);
    const byQuarter = new Map(rows.map((r) => [r.quarter, r]));
    const options = this.options(suppress);
    const plan = suppress ? await this.suppressionPlan(em, unit, drillDown, addQuarters(input.from, -1), to, 'plan') : null;
    const points = quartersBetween(input.from, to).map((quarter) => {
      const cell = byQuarter.get(quarter);
      const before = addQuarters(quarter, -1);
      return {
        quarter,
        measures: toMeasures(
          cell?.counts ?? EMPTY,
          byQuarter.get(before)?.counts ?? EMPTY,
          { ...options, overdue: this.overdue(cell ? [cell] : [], boundary.filter((b) => b.quarter === quarter)), planned: plan?.hidden(unit, [quarter]) },
          plan?.hidden(unit, [before]),
        ),
      };
    });
    return {
      unit,
      period: { from: input.from, to, quarters: quartersBetween(input.from, to) },
      suppression: { threshold: this.settings.suppressionThreshold, applied: suppress },
      points,
      asOf: latest(rows),
    };
  }

  async missing(actor: Actor, raw: MissingReportsInput): Promise<MissingReports> {
    const input = MissingReportsInputSchema.parse(raw);
    if (!actorHasPermission(actor, 'report:drill-down')) throw new DomainException('report.aggregates-only', 'Your role sees aggregates only');
    const em = this.em.fork();
    const unit = await this.resolveUnit(em, actor, input.level, input.code);
    const where = input.level === 'country' ? '' : input.level === 'region' ? 'and q.region_code = ?' : 'and q.district_code = ?';
    const params: unknown[] = [input.quarter, ...(input.level === 'country' ? [] : [unit.code])];
    // Expected ones (they count in the rate), and the ones active now that the quarter does not expect yet: activated
    // too late in it (issue 15; held ones are always expected). Expected first, so a short page shows the rate's gaps.
    const listed = `from community_quarter q left join community_snapshot s on s.community_id = q.community_id
       where q.quarter = ? and not q.held and (q.expected or coalesce(s.status, 'active') = 'active') ${where}`;
    const [{ n, expected }] = await em.execute<{ n: string; expected: string }[]>(
      `select count(*) as n, count(*) filter (where q.expected) as expected ${listed}`,
      params,
    );
    const rows = await em.execute<{ community_id: string; district_code: string; region_code: string | null; status: string | null; expected: boolean }[]>(
      `select q.community_id, q.district_code, coalesce(q.region_code, s.region_code) as region_code, s.status, q.expected ${listed}
        order by q.expected desc, q.district_code, q.community_id offset ? limit ?`,
      [...params, input.offset, input.limit],
    );
    const ids = rows.map((r) => r.community_id);
    const meetings = ids.length
      ? await em.execute<{ meeting_id: string; community_ids: string[]; scheduled_for: Date | null; cancelled_at: Date | null; held_quarter: string | null; closed_at: Date | null; held_at: Date | null }[]>(
          `select meeting_id, community_ids, scheduled_for, cancelled_at, held_quarter, held_at, closed_at from meeting_fact
            where community_ids && ?::uuid[] and quarter = ?`,
          [`{${ids.join(',')}}`, input.quarter],
        )
      : [];
    const items: MissingReportItem[] = rows.map((row) => {
      const own = meetings.filter((m) => m.community_ids.includes(row.community_id) && !m.held_quarter && !m.held_at && !m.closed_at);
      const planned = own.filter((m) => !m.cancelled_at && m.scheduled_for).sort((a, b) => new Date(a.scheduled_for as Date).getTime() - new Date(b.scheduled_for as Date).getTime());
      const reason: MissingReportItem['reason'] = planned.length ? 'scheduled' : own.some((m) => m.cancelled_at) ? 'cancelled' : 'not-scheduled';
      return {
        communityId: row.community_id,
        districtCode: row.district_code,
        regionCode: row.region_code ?? unit.regionCode ?? row.district_code,
        status: (row.status ?? 'active') as MissingReportItem['status'],
        reason,
        nextMeeting: planned.length ? { meetingId: planned[0].meeting_id, scheduledFor: new Date(planned[0].scheduled_for as Date).toISOString() } : null,
        expected: row.expected,
      };
    });
    return { unit, quarter: input.quarter, total: Number(n), expectedTotal: Number(expected), items };
  }

  // ---- internals ----------------------------------------------------------------------------------------

  /**
   * The suppression plan of every quarter of [from, to] over the table the caller can see around `unit`
   * (docs/adr/0016-reporting-read-models.md, "Suppression planned over the table"): the country with its regions;
   * a region with its districts (also for a district seen without drill-down, so a district's cells are the same in
   * its own view and as a row of its region); a district with its communities for callers with drill-down. A unit
   * over a period hides what any of its quarters hides.
   */
  private async suppressionPlan(em: EntityManager, unit: ReportUnit, drillDown: boolean, from: string, to: string, what: 'plan' | 'trust-quarters') {
    let root: { level: ReportLevel; code: string };
    let children: { level: ReportLevel; filter: { regionCode?: string; districtCode?: string } } | null;
    if (unit.level === 'country') [root, children] = [{ level: 'country', code: '' }, { level: 'region', filter: {} }];
    else if (unit.level === 'region') [root, children] = [{ level: 'region', code: unit.code as string }, { level: 'district', filter: { regionCode: unit.code as string } }];
    else if (unit.level === 'district' && !drillDown && unit.regionCode) [root, children] = [{ level: 'region', code: unit.regionCode }, { level: 'district', filter: { regionCode: unit.regionCode } }];
    else if (unit.districtCode) [root, children] = [{ level: 'district', code: unit.districtCode }, { level: 'community', filter: { districtCode: unit.districtCode } }];
    else [root, children] = [{ level: unit.level, code: unit.code ?? '' }, null];
    const read = (level: ReportLevel, filter: { code?: string; regionCode?: string; districtCode?: string }) =>
      what === 'plan' ? this.planCells(em, level, filter, from, to) : this.cells(em, level, filter, from, to, what);
    const rows = [...(await read(root.level, { code: root.code })), ...(children ? await read(children.level, children.filter) : [])];
    const id = (level: string, code: string | null) => `${level}:${code ?? ''}`;
    const rootId = id(root.level, root.code);
    const plans = new Map<string, Map<string, Set<string>>>();
    for (const [quarter, inQuarter] of groupBy(rows, (r) => r.quarter)) {
      const table = inQuarter.map((r) => ({ id: id(r.level, r.code), counts: r.counts })).sort((a, b) => (a.id === rootId ? -1 : b.id === rootId ? 1 : 0));
      if (table[0]?.id !== rootId) table.unshift({ id: rootId, counts: EMPTY });
      plans.set(quarter, planSuppression(table, this.settings.suppressionThreshold));
    }
    const quarters = quartersBetween(from, to);
    return {
      /** The keys hidden for a unit over the given quarters (default: the whole period). */
      hidden(of: ReportUnit, over: string[] = quarters): Set<string> {
        const out = new Set<string>();
        for (const q of over) for (const key of plans.get(q)?.get(id(of.level, of.level === 'country' ? '' : of.code)) ?? []) out.add(key);
        return out;
      },
    };
  }

  /**
   * The quarter cells of a level over [from, to] with only what a plan counts (`PLAN_RAW_KEYS`, a fifth of a cell's
   * keys), in the order `cells` gives (the plan breaks ties in row order). A long period's plan reads hundreds of
   * cells: the subquery detoasts each cell's counts once (`|| '{}'`), not once per key, and the values come back as a
   * number array (building jsonb for them took twice as long).
   */
  private async planCells(em: EntityManager, level: ReportLevel, filter: { code?: string; regionCode?: string; districtCode?: string }, from: string, to: string) {
    const column = filter.code !== undefined ? 'code' : filter.regionCode !== undefined ? 'region_code' : filter.districtCode !== undefined ? 'district_code' : null;
    const value = filter.code ?? filter.regionCode ?? filter.districtCode;
    const rows = await em.execute<{ level: string; code: string; quarter: string; v: (number | null)[] }[]>(
      `select s.level, s.code, s.quarter, ${PLAN_VALUES} as v
         from (select c.level, c.code, c.quarter, c.counts || '{}'::jsonb as j from report_cell c
                where c.level = ? and c.quarter = any(?::text[]) ${column ? `and c.${column} = ?` : ''} offset 0) s
        order by s.code, s.quarter`,
      [level, `{${quartersBetween(from, to).join(',')}}`, ...(column ? [value] : [])],
    );
    return rows.map(({ v, ...row }) => {
      const counts: RawCounts = {};
      for (let i = 0; i < PLAN_RAW_KEYS.length; i += 1) if (v[i] !== null) counts[PLAN_RAW_KEYS[i]] = v[i] as number;
      return { ...row, counts };
    });
  }

  private options(suppress: boolean) {
    return { suppress, threshold: this.settings.suppressionThreshold, today: this.clock().toISOString().slice(0, 10) };
  }

  /**
   * Expected community-quarters without a reporting day whose quarter is over. A year cell only stands for
   * quarters over everywhere; district and community quarter cells know their time zone; for regions and the
   * country, the two quarters around now (over in one zone, not in another) are decided per district.
   */
  private overdue(rows: CellRow[], boundary: BoundaryRow[]): number {
    const now = this.clock();
    const nowQ = quarterIndex(quarterOf(now, 'UTC'));
    let n = 0;
    for (const row of rows) {
      const notHeld = Number(row.counts.notHeld ?? 0);
      if (notHeld === 0) continue;
      if (row.level.endsWith('-y')) n += notHeld;
      else if (row.time_zone) {
        if (quarterEnd(row.quarter, row.time_zone).getTime() <= now.getTime()) n += notHeld;
      } else if (quarterIndex(row.quarter) < nowQ - 1) n += notHeld;
    }
    for (const b of boundary) if (quarterEnd(b.quarter, b.time_zone ?? DEFAULT_TIME_ZONE).getTime() <= now.getTime()) n += b.notHeld;
    return n;
  }

  /** District cells of a region or the country for the quarters around now: only what overdue needs of them. */
  private async boundaryDistrictCells(em: EntityManager, unit: ReportUnit, from: string, to: string): Promise<BoundaryRow[]> {
    if (unit.level !== 'country' && unit.level !== 'region') return [];
    const nowQ = quarterOf(this.clock(), 'UTC');
    const quarters = [addQuarters(nowQ, -1), nowQ].filter((q) => q >= from && q <= to);
    if (quarters.length === 0) return [];
    const rows = await em.execute<{ quarter: string; region_code: string | null; time_zone: string | null; not_held: string | null }[]>(
      `select c.quarter, c.region_code, coalesce(d.time_zone, ?) as time_zone, c.counts->>'notHeld' as not_held
         from report_cell c left join district_info d on d.district_code = c.district_code
        where c.level = 'district' and c.quarter = any(?::text[]) ${unit.level === 'region' ? 'and c.region_code = ?' : ''}`,
      [DEFAULT_TIME_ZONE, `{${quarters.join(',')}}`, ...(unit.level === 'region' ? [unit.code] : [])],
    );
    return rows.map((r) => ({ quarter: r.quarter, region_code: r.region_code, time_zone: r.time_zone, notHeld: Number(r.not_held ?? 0) }));
  }

  /**
   * The cells of a level over a period: whole years (over everywhere) from the year cells, the rest per quarter,
   * so ten years read about a quarter of the rows. `trust` reads only the survey sums (the previous period).
   */
  private async cells(
    em: EntityManager,
    level: ReportLevel,
    filter: { code?: string; regionCode?: string; districtCode?: string },
    from: string,
    to: string,
    what: 'all' | 'trust' | 'quarters' | 'trust-quarters',
  ): Promise<CellRow[]> {
    const trustOnly = what === 'trust' || what === 'trust-quarters';
    const nowQ = quarterIndex(quarterOf(this.clock(), 'UTC'));
    const quarters: string[] = [];
    const years: string[] = [];
    for (let i = quarterIndex(from); i <= quarterIndex(to); i += 1) {
      const year = Math.floor(i / 4);
      const wholeYear = (what === 'all' || what === 'trust') && i % 4 === 0 && i + 3 <= quarterIndex(to) && i + 3 < nowQ - 1;
      if (wholeYear) {
        years.push(String(year));
        i += 3;
      } else quarters.push(quarterFromIndex(i));
    }
    const column = filter.code !== undefined ? 'code' : filter.regionCode !== undefined ? 'region_code' : filter.districtCode !== undefined ? 'district_code' : null;
    const value = filter.code ?? filter.regionCode ?? filter.districtCode;
    const counts =
      trustOnly
        ? `jsonb_strip_nulls(jsonb_build_object('fb.n', c.counts->'fb.n', 'fb.usefulness', c.counts->'fb.usefulness', 'fb.trust', c.counts->'fb.trust', 'fb.first', c.counts->'fb.first'))`
        : 'c.counts';
    // Of the due-date days, only the current month's are read: overdue actions before it come from the month keys.
    const thisMonth = this.clock().toISOString().slice(0, 7);
    // The time zone of district and community cells is the district's as known now (it may be learned after the cell was written).
    const rows = await em.execute<(CellRow & { due_now: Record<string, number> | null })[]>(
      `select c.level, c.code, c.quarter, c.district_code, c.region_code,
              case when c.level in ('district', 'community') then coalesce(d.time_zone, ?) end as time_zone, ${counts} as counts,
              ${trustOnly ? 'null' : 'c.due_days -> ?::text'} as due_now, c.updated_at
         from report_cell c left join district_info d on d.district_code = c.district_code
        where ((c.level = ? and c.quarter = any(?::text[])) or (c.level = ? and c.quarter = any(?::text[])))
          ${column ? `and c.${column} = ?` : ''}
        order by c.code, c.quarter`,
      [DEFAULT_TIME_ZONE, ...(trustOnly ? [] : [thisMonth]), level, `{${quarters.join(',')}}`, YEAR_LEVEL[level], `{${years.join(',')}}`, ...(column ? [value] : [])],
    );
    return rows.map(({ due_now, ...row }) => ({ ...row, counts: withDueDays(row.counts, due_now) }));
  }

  private async resolveUnit(em: EntityManager, actor: Actor, level: ReportLevel, code: string | undefined): Promise<ReportUnit> {
    const scope = actor.scope;
    switch (level) {
      case 'country':
        if (!scope.national) throw new DomainException('report.not-found', 'Report not found');
        return { level, code: null, regionCode: null, districtCode: null };
      case 'region':
        if (!scope.national && !scope.regions.includes(code as string)) throw new DomainException('report.not-found', 'Report not found');
        return { level, code: code as string, regionCode: code as string, districtCode: null };
      case 'district': {
        const [info] = await em.execute<{ region_code: string | null }[]>('select region_code from district_info where district_code = ?', [code]);
        const regionCode = info?.region_code ?? null;
        const covered = regionCode ? actorCoversDistrict(scope, regionCode, code as string) : scope.national || scope.districts.includes(code as string);
        if (!covered) throw new DomainException('report.not-found', 'Report not found');
        return { level, code: code as string, regionCode, districtCode: code as string };
      }
      case 'community': {
        if (!actorHasPermission(actor, 'report:drill-down')) throw new DomainException('report.aggregates-only', 'Your role sees aggregates only');
        const [row] = await em.execute<{ district_code: string; region_code: string | null }[]>(
          `select district_code, region_code from community_snapshot where community_id = ?
           union all select district_code, region_code from report_cell where level = 'community' and code = ? limit 1`,
          [code, code],
        );
        if (!row || !actorCoversDistrict(scope, row.region_code ?? '', row.district_code)) throw new DomainException('report.not-found', 'Report not found');
        return { level, code: code as string, regionCode: row.region_code, districtCode: row.district_code };
      }
    }
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function latest(rows: CellRow[]): string | null {
  let max: number | null = null;
  for (const row of rows) {
    const t = new Date(row.updated_at).getTime();
    if (max === null || t > max) max = t;
  }
  return max === null ? null : new Date(max).toISOString();
}
