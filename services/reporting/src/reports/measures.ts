import { AGE_GROUPS, CONCERN_TOPICS, FEEDBACK_SOURCES, GENDERS, SELF_REPORTED_SOURCES, SENSITIVITIES, STAFF_DOMINANCE_SHARE, type Cell, type FeedbackSource, type ReportMeasures } from '@rd/contracts';
import { histogramMedian, overdueActions, type RawCounts } from './raw-counts';

export interface MeasureOptions {
  /** Whether small-group suppression applies to this answer. */
  suppress: boolean;
  threshold: number;
  /** Expected community-quarters already over without a reporting day (decided with the district time zones). */
  overdue: number;
  /** Today (YYYY-MM-DD, UTC): open actions due before it are overdue. */
  today: string;
  /**
   * The cells to hide, planned over the whole table the caller can see (`planSuppression`, one plan per quarter,
   * united over the period). Without it the cell is protected on its own (`withComplements`).
   */
  planned?: ReadonlySet<string>;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

function hidden(n: number, o: MeasureOptions): boolean {
  return o.suppress && n > 0 && n < o.threshold;
}

const SUPPRESSED: Cell = { value: null, n: null, suppressed: true };

/** A share or average built from `n` people; also hidden when a part it reveals is hidden. */
function derivedCell(value: number | null, n: number, o: MeasureOptions, partHidden = false): Cell {
  if (hidden(n, o) || partHidden) return SUPPRESSED;
  return { value, n, suppressed: false };
}

/** One sum a reader can take apart: the parts add up to the total (null: a grand total, which is always shown). */
export interface SumRelation {
  parts: readonly string[];
  total: string | null;
}

/**
 * The breakdowns shown next to their totals (keys of the raw counts; `att.g.*` and `att.a.*` are the gender and age
 * margins of the `att.<gender>.<age>` table).
 */
export const BREAKDOWN_RELATIONS: readonly SumRelation[] = [
  { parts: GENDERS.map((x) => `att.g.${x}`), total: null },
  { parts: AGE_GROUPS.map((x) => `att.a.${x}`), total: null },
  ...GENDERS.map((x) => ({ parts: AGE_GROUPS.map((a) => `att.${x}.${a}`), total: `att.g.${x}` })),
  ...AGE_GROUPS.map((a) => ({ parts: GENDERS.map((x) => `att.${x}.${a}`), total: `att.a.${a}` })),
  { parts: CONCERN_TOPICS.map((t) => `c.topic.${t}`), total: null },
  { parts: SENSITIVITIES.map((s) => `c.sens.${s}`), total: null },
];

/**
 * Complementary suppression: a small group hidden alone in a sum whose other terms are shown could be recovered by
 * subtraction (total 9, men 5, other 0: women 4). While some relation has exactly one hidden term, hide one more of
 * its parts: the smallest non-zero one (hiding a 0 tells little), else a zero one; ties in the order listed.
 * Returns every hidden key, the small groups given first.
 */
export function withComplements(small: ReadonlySet<string>, n: (key: string) => number, relations: readonly SumRelation[] = BREAKDOWN_RELATIONS): Set<string> {
  const hiddenKeys = new Set(small);
  let changed = hiddenKeys.size > 0;
  while (changed) {
    changed = false;
    for (const { parts, total } of relations) {
      const unknown = parts.filter((key) => hiddenKeys.has(key)).length + (total !== null && hiddenKeys.has(total) ? 1 : 0);
      if (unknown !== 1) continue;
      const shown = parts.filter((key) => !hiddenKeys.has(key));
      const pick = shown.reduce<string | undefined>((best, key) => {
        if (best === undefined) return key;
        const [a, b] = [n(key), n(best)];
        const preferred = a > 0 !== b > 0 ? a > 0 : a < b;
        return preferred ? key : best;
      }, undefined);
      if (pick === undefined) continue;
      hiddenKeys.add(pick);
      changed = true;
    }
  }
  return hiddenKeys;
}

/** The count a breakdown key stands for in raw counts (`att.g.*`, `att.a.*` are margins of the gender × age table). */
export function breakdownCount(raw: RawCounts, key: string): number {
  const g = (k: string) => raw[k] ?? 0;
  if (key === TRUST_KEY) return g('fb.n');
  if (key.startsWith('att.g.')) return AGE_GROUPS.reduce((s, a) => s + g(`att.${key.slice(6)}.${a}`), 0);
  if (key.startsWith('att.a.')) return GENDERS.reduce((s, x) => s + g(`att.${x}.${key.slice(6)}`), 0);
  return g(key);
}

/** The survey averages of a unit and period, planned as one cell of `fb.n` respondents (they share their n). */
export const TRUST_KEY = 'fb';

/** Every key a plan decides: the breakdown cells and the survey averages. */
export const PLANNED_KEYS: readonly string[] = [...new Set([...BREAKDOWN_RELATIONS.flatMap((r) => [...r.parts, ...(r.total ? [r.total] : [])]), TRUST_KEY])];

/** `BREAKDOWN_RELATIONS` as indices into `PLANNED_KEYS` (total -1: a grand total). */
const BREAKDOWN_KEY_RELATIONS = BREAKDOWN_RELATIONS.map((r) => ({ parts: r.parts.map((k) => PLANNED_KEYS.indexOf(k)), total: r.total ? PLANNED_KEYS.indexOf(r.total) : -1 }));

/** The raw-count keys a plan reads (`breakdownCount` of every planned key): the gender × age table, topics, sensitivities, respondents. */
export const PLAN_RAW_KEYS: readonly string[] = [
  ...new Set(
    PLANNED_KEYS.flatMap((key) =>
      key === TRUST_KEY
        ? ['fb.n']
        : key.startsWith('att.g.')
          ? AGE_GROUPS.map((a) => `att.${key.slice(6)}.${a}`)
          : key.startsWith('att.a.')
            ? GENDERS.map((x) => `att.${x}.${key.slice(6)}`)
            : [key],
    ),
  ),
];

/** One row of a quarter's table: the unit the table is about (first) or one of the units one level down. */
export interface PlanRow {
  id: string;
  counts: RawCounts;
}

/**
 * Secondary suppression planned over one quarter's table: a unit (the first row) and every unit one level down,
 * each with its breakdowns (`BREAKDOWN_RELATIONS`), plus the hierarchy (the unit's cell is the sum of its children's,
 * for every key). Primary: 0 < n < threshold. Then, to a fixed point, every relation (an additive sum of published
 * terms) with hidden terms gets more hidden until it has at least two, and, when its total is shown, until its hidden
 * parts add up to at least the threshold (or no non-zero part is left): the attacker then learns only a sum of
 * hidden cells, and that sum is no small group. A part is picked so as to hide the least: the smallest non-zero one
 * that is enough, else the largest non-zero one, else the relation's total (unless it is a grand total), else a zero. Returns the hidden keys per row id. Periods of several quarters hide what
 * any of their quarters hides (the caller unites the plans), so a range never shows a sum with a hidden quarter.
 */
export function planSuppression(rows: readonly PlanRow[], threshold: number): Map<string, Set<string>> {
  // Terms are numbered row × key (a request plans hundreds of quarter tables, so no string keys or sorting here).
  const K = PLANNED_KEYS.length;
  const index = new Map<string, number>();
  for (const row of rows) if (!index.has(row.id)) index.set(row.id, index.size);
  const ids = [...index.keys()];
  const values = new Float64Array(ids.length * K);
  let anySmall = false;
  for (const row of rows) {
    const base = (index.get(row.id) as number) * K;
    for (let k = 0; k < K; k += 1) values[base + k] = breakdownCount(row.counts, PLANNED_KEYS[k]);
  }
  for (const n of values) if (n > 0 && n < threshold) anySmall = true;
  const out = new Map<string, Set<string>>(rows.map((r) => [r.id, new Set<string>()]));
  if (!anySmall) return out;
  const relations: { parts: number[]; total: number }[] = [];
  for (const row of rows) {
    const base = (index.get(row.id) as number) * K;
    for (const r of BREAKDOWN_KEY_RELATIONS) relations.push({ parts: r.parts.map((k) => base + k), total: r.total < 0 ? -1 : base + r.total });
  }
  if (rows.length > 1) {
    const [root, ...children] = rows.map((r) => (index.get(r.id) as number) * K);
    for (let k = 0; k < K; k += 1) relations.push({ parts: children.map((c) => c + k), total: root + k });
  }
  const hiddenTerms = new Uint8Array(values.length);
  for (let t = 0; t < values.length; t += 1) if (values[t] > 0 && values[t] < threshold) hiddenTerms[t] = 1;
  let changed = true;
  while (changed) {
    changed = false;
    for (const { parts, total } of relations) {
      let hiddenCount = 0;
      let mass = 0;
      let shownNonZero = false;
      for (const t of parts) {
        if (hiddenTerms[t]) {
          hiddenCount += 1;
          mass += values[t];
        } else if (values[t] > 0) shownNonZero = true;
      }
      const totalHidden = total >= 0 && hiddenTerms[total] === 1;
      const unknown = hiddenCount + (totalHidden ? 1 : 0);
      if (unknown === 0) continue;
      const massShort = !totalHidden && mass < threshold && shownNonZero;
      if (unknown >= 2 && !massShort) continue;
      const need = Math.max(1, threshold - mass);
      // The first shown part of the smallest value that is enough, else the first of the largest non-zero value.
      let enough = -1;
      let largest = -1;
      let firstShown = -1;
      for (const t of parts) {
        if (hiddenTerms[t]) continue;
        if (firstShown < 0) firstShown = t;
        const v = values[t];
        if (v >= need && (enough < 0 || v < values[enough])) enough = t;
        if (v > 0 && (largest < 0 || v > values[largest])) largest = t;
      }
      const totalInstead = total >= 0 && !totalHidden ? total : -1;
      const pick = enough >= 0 ? enough : largest >= 0 ? largest : totalInstead >= 0 ? totalInstead : firstShown;
      if (pick < 0) continue;
      hiddenTerms[pick] = 1;
      changed = true;
    }
  }
  for (let t = 0; t < hiddenTerms.length; t += 1) if (hiddenTerms[t]) out.get(ids[Math.floor(t / K)])?.add(PLANNED_KEYS[t % K]);
  return out;
}

function trustOf(raw: RawCounts, o: MeasureOptions, plannedHidden = false) {
  const n = raw['fb.n'] ?? 0;
  const hide = o.suppress && plannedHidden;
  return {
    respondents: n,
    usefulnessAverage: derivedCell(ratio(raw['fb.usefulness'] ?? 0, n), n, o, hide),
    trustAverage: derivedCell(ratio(raw['fb.trust'] ?? 0, n), n, o, hide),
    contactPoliceFirstShare: derivedCell(ratio(raw['fb.first'] ?? 0, n), n, o, hide),
  };
}

/** The survey's raw sums of one source: resident and kiosk as counted, staff the rest of the total. */
function sourceCounts(raw: RawCounts, source: FeedbackSource): RawCounts {
  const measures = ['n', 'usefulness', 'trust', 'first'] as const;
  const ofSource = (s: FeedbackSource, m: (typeof measures)[number]) => raw[`fb.src.${s}.${m}`] ?? 0;
  const value = (m: (typeof measures)[number]) =>
    source === 'staff' ? (raw[`fb.${m}`] ?? 0) - SELF_REPORTED_SOURCES.reduce((sum, s) => sum + ofSource(s, m), 0) : ofSource(source, m);
  return Object.fromEntries(measures.map((m) => [`fb.${m}`, Math.max(0, value(m))]));
}

/**
 * Trust by source (ADR 46), the share self-reported and whether staff-entered answers dominate. The sources add up to
 * the total shown beside them, so when one of them is a small group every source is hidden (none can be subtracted).
 */
function trustBySource(raw: RawCounts, o: MeasureOptions, plannedHidden: boolean) {
  const parts = Object.fromEntries(FEEDBACK_SOURCES.map((source) => [source, sourceCounts(raw, source)])) as Record<FeedbackSource, RawCounts>;
  const anySmall = FEEDBACK_SOURCES.some((source) => hidden(parts[source]['fb.n'], o));
  const bySource = Object.fromEntries(FEEDBACK_SOURCES.map((source) => [source, trustOf(parts[source], o, plannedHidden || anySmall)])) as Record<
    FeedbackSource,
    ReturnType<typeof trustOf>
  >;
  const n = raw['fb.n'] ?? 0;
  const self = SELF_REPORTED_SOURCES.reduce((sum, source) => sum + parts[source]['fb.n'], 0);
  return {
    bySource,
    selfReportedShare: derivedCell(ratio(self, n), n, o),
    staffDominates: n > 0 && (n - self) / n > STAFF_DOMINANCE_SHARE,
  };
}

const change = (now: Cell, before: Cell): number | null =>
  now.value === null || before.value === null || now.suppressed || before.suppressed ? null : now.value - before.value;

/**
 * The contract measures of a cell (or a sum of cells), `previous` being the period just before (trust change), with
 * `previousPlanned` its planned hidden keys (only the survey's matter there).
 */
export function toMeasures(raw: RawCounts, previous: RawCounts, o: MeasureOptions, previousPlanned?: ReadonlySet<string>): ReportMeasures {
  const g = (key: string) => raw[key] ?? 0;
  const expected = g('expected');
  const total = GENDERS.reduce((sum, gender) => sum + AGE_GROUPS.reduce((s, age) => s + g(`att.${gender}.${age}`), 0), 0);
  const gender = (x: (typeof GENDERS)[number]) => AGE_GROUPS.reduce((s, age) => s + g(`att.${x}.${age}`), 0);
  const age = (x: (typeof AGE_GROUPS)[number]) => GENDERS.reduce((s, gen) => s + g(`att.${gen}.${x}`), 0);
  const youth = age('under18') + age('from18to29');
  const women = gender('women');
  const attMeetings = g('att.meetings');
  const concerns = g('c.total');
  const meetingsHeld = g('meetingsHeld');
  const trustNow = trustOf(raw, o, o.planned?.has(TRUST_KEY));
  const trustBefore = trustOf(previous, o, previousPlanned?.has(TRUST_KEY));
  // Breakdown counts by key, the small groups among them, and the cells to hide with them so none can be subtracted.
  const counted = (key: string): number => {
    if (key.startsWith('att.g.')) return gender(key.slice(6) as (typeof GENDERS)[number]);
    if (key.startsWith('att.a.')) return age(key.slice(6) as (typeof AGE_GROUPS)[number]);
    return g(key);
  };
  const breakdownKeys = [...new Set(BREAKDOWN_RELATIONS.flatMap((r) => [...r.parts, ...(r.total ? [r.total] : [])]))];
  const small = breakdownKeys.filter((key) => hidden(counted(key), o));
  const hiddenKeys = !o.suppress ? new Set<string>() : o.planned ? new Set([...small, ...o.planned]) : withComplements(new Set(small), counted);
  const countCell = (key: string): Cell => (hiddenKeys.has(key) ? SUPPRESSED : { value: counted(key), n: counted(key), suppressed: false });
  const byGenderAndAge = (x: (typeof GENDERS)[number]) =>
    Object.fromEntries(AGE_GROUPS.map((a) => [a, countCell(`att.${x}.${a}`)])) as Record<(typeof AGE_GROUPS)[number], Cell>;
  return {
    reportingRate: {
      expected,
      held: g('held'),
      heldOnTime: g('heldOnTime'),
      overdue: o.overdue,
      notScheduled: g('notPlanned'),
      rate: ratio(g('held'), expected),
      onTimeRate: ratio(g('heldOnTime'), expected),
      meetingsHeld,
      meetingsCancelled: g('meetingsCancelled'),
    },
    attendance: {
      meetings: attMeetings,
      total,
      byGender: { women: countCell('att.g.women'), men: countCell('att.g.men'), other: countCell('att.g.other') },
      byAgeGroup: Object.fromEntries(AGE_GROUPS.map((a) => [a, countCell(`att.a.${a}`)])) as Record<(typeof AGE_GROUPS)[number], Cell>,
      byGenderAndAge: { women: byGenderAndAge('women'), men: byGenderAndAge('men'), other: byGenderAndAge('other') },
      // A share times the total gives its numerator back: hidden when any group it adds up is.
      womenShare: derivedCell(ratio(women, total), total, o, hidden(women, o) || hiddenKeys.has('att.g.women')),
      youthShare: derivedCell(ratio(youth, total), total, o, hidden(youth, o) || hiddenKeys.has('att.a.under18') || hiddenKeys.has('att.a.from18to29')),
      officialsPresent: g('att.officials'),
      averagePerMeeting: ratio(total, attMeetings),
    },
    concerns: {
      total: concerns,
      byTopic: Object.fromEntries(CONCERN_TOPICS.map((t) => [t, countCell(`c.topic.${t}`)])) as ReportMeasures['concerns']['byTopic'],
      bySensitivity: Object.fromEntries(SENSITIVITIES.map((s) => [s, countCell(`c.sens.${s}`)])) as ReportMeasures['concerns']['bySensitivity'],
      followUpNeeded: g('c.followUp'),
      followUpShare: ratio(g('c.followUp'), concerns),
      resolved: g('c.resolved'),
      medianDaysToResolve: histogramMedian(raw),
      actions: { total: g('a.total'), open: g('a.open'), done: g('a.done'), overdue: overdueActions(raw, o.today), other: g('a.other') },
    },
    trust: {
      ...trustNow,
      ...trustBySource(raw, o, o.planned?.has(TRUST_KEY) ?? false),
      previous: trustBefore,
      change: {
        usefulnessAverage: change(trustNow.usefulnessAverage, trustBefore.usefulnessAverage),
        trustAverage: change(trustNow.trustAverage, trustBefore.trustAverage),
        contactPoliceFirstShare: change(trustNow.contactPoliceFirstShare, trustBefore.contactPoliceFirstShare),
      },
    },
    handOver: {
      meetingsHeld,
      police: g('org.police'),
      policeNgoFacilitated: g('org.police-ngo-facilitated'),
      ngo: g('org.ngo'),
      policeShare: ratio(g('org.police'), meetingsHeld),
    },
  };
}
