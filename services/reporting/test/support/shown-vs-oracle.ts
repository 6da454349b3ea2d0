import { CONCERN_TOPICS, type ReportMeasures } from '@rd/contracts';
import { rounded, type oracleMeasures } from './report-oracle';

/**
 * Checks a summary's measures against the independent oracle now that suppression is planned over the whole table
 * (docs/adr/0016-reporting-read-models.md, point 5), where the hidden cells of one unit depend on its siblings, its
 * parent and every quarter of the period, so the oracle cannot say cell by cell which ones are hidden. What it can
 * say, and what is required:
 * - every cell shown is exact: equal to the oracle computed without suppression (a wrong number cannot hide);
 * - every other number (totals, rates, counts never suppressed) is exact, and a trust change is shown exactly when
 *   both its averages are;
 * - without suppression nothing is hidden;
 * - with it: every small group (0 < n < threshold, n the people a share or average is built from) is hidden, with
 *   every share that would give it back (the shares the cell-by-cell rule hid); no breakdown sum (gender, age,
 *   gender × age with its margins, topics, sensitivities) is left with exactly one hidden term; and, for one quarter
 *   (where the plan is the table's own, not a union over quarters), a sum whose total is shown hides at least the
 *   threshold in all (the reader learns only that sum) unless no non-zero part is left shown.
 * Not required: that the plan hides the very complement the cell-by-cell rule picked. It picks by the whole table
 * (the smallest part that brings the hidden mass to the threshold), so it may protect a small group with another
 * cell than the cell-by-cell rule did; the sums above are what protects it.
 * Returns the problems found, one line each (empty: all good).
 */

type Plain = { value: number | null; n: number | null; suppressed: boolean };
type Leaf = Plain | number | null;

const GENDERS = ['women', 'men', 'other'] as const;
const AGES = ['under18', 'from18to29', 'from30to59', 'from60'] as const;
const SENSITIVITIES = ['public', 'restricted', 'confidential'] as const;

/** The additive sums a reader can take apart, as paths of the flattened measures (written apart from the service's list). */
export const BREAKDOWN_SUMS: string[][] = [
  GENDERS.map((g) => `attendance.byGender.${g}`),
  AGES.map((a) => `attendance.byAgeGroup.${a}`),
  ...GENDERS.map((g) => [...AGES.map((a) => `attendance.byGenderAndAge.${g}.${a}`), `attendance.byGender.${g}`]),
  ...AGES.map((a) => [...GENDERS.map((g) => `attendance.byGenderAndAge.${g}.${a}`), `attendance.byAgeGroup.${a}`]),
  CONCERN_TOPICS.map((t) => `concerns.byTopic.${t}`),
  SENSITIVITIES.map((s) => `concerns.bySensitivity.${s}`),
];

/** Every count cell a plan decides (the hierarchy relates them key by key). */
export const COUNT_CELLS: string[] = [...new Set(BREAKDOWN_SUMS.flat())];

const isCell = (x: unknown): x is Plain => typeof x === 'object' && x !== null && 'suppressed' in x && 'value' in x && 'n' in x;

/** Leaves by dotted path; cells stay whole. */
export function flatten(value: unknown, path = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (isCell(value) || typeof value !== 'object' || value === null) out.set(path, value as Leaf);
  else for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The service's measures, rounded, in the flattened shape. */
export function flatMeasures(m: ReportMeasures): Map<string, Leaf> {
  return flatten(rounded(m));
}

/** The oracle's measures (topics raised only) in the service's shape: every topic, 0 where none was raised. */
export function flatOracle(o: ReturnType<typeof oracleMeasures>): Map<string, Leaf> {
  const { topicCounts, ...concerns } = o.concerns;
  const byTopic = Object.fromEntries(CONCERN_TOPICS.map((t) => [t, (topicCounts as Record<string, Plain>)[t] ?? { value: 0, n: 0, suppressed: false }]));
  return flatten(rounded({ ...o, concerns: { ...concerns, byTopic } }));
}

export const hiddenPaths = (flat: Map<string, Leaf>): Set<string> => new Set([...flat].filter(([, v]) => isCell(v) && v.suppressed).map(([k]) => k));

export function checkShownAgainstOracle(
  actual: Map<string, Leaf>,
  exact: Map<string, Leaf>,
  o: { applied: boolean; threshold: number; oneQuarter: boolean },
): string[] {
  const problems: string[] = [];
  const keys = [...new Set([...actual.keys(), ...exact.keys()])].sort();
  const hidden = hiddenPaths(actual);
  const show = (x: unknown) => JSON.stringify(x);
  for (const key of keys) {
    const a = actual.get(key);
    const e = exact.get(key);
    if (!actual.has(key) || !exact.has(key)) {
      problems.push(`${key}: only in ${actual.has(key) ? 'the service' : 'the oracle'}`);
      continue;
    }
    if (isCell(a)) {
      if (a.suppressed) {
        if (a.value !== null || a.n !== null) problems.push(`${key}: suppressed but carries ${show(a)}`);
        if (!o.applied) problems.push(`${key}: hidden without suppression`);
        continue;
      }
      if (show(a) !== show(e)) problems.push(`${key}: shown ${show(a)}, exact ${show(e)}`);
      if (o.applied && isCell(e) && e.n !== null && e.n > 0 && e.n < o.threshold) problems.push(`${key}: small group (n = ${e.n}) shown`);
      continue;
    }
    const change = /^trust\.change\.(.+)$/.exec(key)?.[1];
    if (change) {
      const bothShown = !hidden.has(`trust.${change}`) && !hidden.has(`trust.previous.${change}`);
      const expected = bothShown ? e : null;
      if (show(a) !== show(expected)) problems.push(`${key}: ${show(a)}, expected ${show(expected)}`);
      continue;
    }
    if (show(a) !== show(e)) problems.push(`${key}: ${show(a)}, exact ${show(e)}`);
  }
  if (o.applied) {
    // A share times the total gives its group back: hidden with any group it adds up, or when that sum is small.
    const shares: [string, string[]][] = [
      ['attendance.womenShare', ['attendance.byGender.women']],
      ['attendance.youthShare', ['attendance.byAgeGroup.under18', 'attendance.byAgeGroup.from18to29']],
    ];
    for (const [share, groups] of shares) {
      const n = groups.reduce((sum, k) => sum + valueOf(exact, k), 0);
      if ((groups.some((k) => hidden.has(k)) || (n > 0 && n < o.threshold)) && !hidden.has(share)) problems.push(`${share}: gives a hidden or small group back`);
    }
    for (const sum of BREAKDOWN_SUMS) {
      const inSum = sum.filter((k) => hidden.has(k));
      if (inSum.length === 1) problems.push(`${inSum[0]}: the only hidden term of ${sum.join(' + ')}`);
    }
    if (o.oneQuarter) for (const sum of BREAKDOWN_SUMS) problems.push(...massProblems(sum, hidden, exact, o.threshold));
  }
  return problems;
}

const valueOf = (flat: Map<string, Leaf>, key: string): number => {
  const leaf = flat.get(key);
  return isCell(leaf) ? (leaf.value ?? 0) : 0;
};

/**
 * A sum (parts, then its total when `withTotal`; a breakdown of a grand total otherwise) whose total is shown and
 * some parts hidden: the hidden parts add up to at least the threshold, or no non-zero part is shown.
 */
function massProblems(terms: string[], hidden: Set<string>, exact: Map<string, Leaf>, threshold: number, withTotal = isSubTotal(terms)): string[] {
  const parts = withTotal ? terms.slice(0, -1) : terms;
  const total = withTotal ? terms[terms.length - 1] : null;
  return massOf(
    parts.map((k) => ({ hidden: hidden.has(k), value: valueOf(exact, k), name: k })),
    total !== null && hidden.has(total),
    total ?? 'a shown total',
    threshold,
  );
}

function massOf(parts: { hidden: boolean; value: number; name: string }[], totalHidden: boolean, total: string, threshold: number): string[] {
  if (totalHidden) return [];
  const hiddenParts = parts.filter((p) => p.hidden);
  if (hiddenParts.length === 0) return [];
  const mass = hiddenParts.reduce((s, p) => s + p.value, 0);
  const shownNonZero = parts.some((p) => !p.hidden && p.value > 0);
  return mass < threshold && shownNonZero ? [`${hiddenParts.map((p) => p.name).join(' + ')}: hidden mass ${mass} < ${threshold} next to shown non-zero parts of ${total ?? 'a shown total'}`] : [];
}

/** The gender × age rows and columns end with their margin (a sub-total that may itself be hidden). */
const isSubTotal = (terms: string[]): boolean => terms[terms.length - 1].startsWith('attendance.byGender.') || terms[terms.length - 1].startsWith('attendance.byAgeGroup.') ? terms[0].startsWith('attendance.byGenderAndAge.') : false;

/**
 * A parent's count cell = the sum of its children's: no key may have exactly one hidden term among them; for one
 * quarter, hidden children under a shown parent add up to at least the threshold unless no non-zero child is shown.
 */
export function checkHierarchy(
  parent: { actual: Map<string, Leaf> },
  children: { actual: Map<string, Leaf>; exact: Map<string, Leaf>; name: string }[],
  o: { threshold: number; oneQuarter: boolean },
): string[] {
  const problems: string[] = [];
  const ph = hiddenPaths(parent.actual);
  const chs = children.map((c) => hiddenPaths(c.actual));
  for (const key of COUNT_CELLS) {
    const n = (ph.has(key) ? 1 : 0) + chs.filter((h) => h.has(key)).length;
    if (n === 1) problems.push(`${key}: the only hidden term among the unit and its ${children.length} children`);
    if (o.oneQuarter) {
      const parts = children.map((c, i) => ({ hidden: chs[i].has(key), value: valueOf(c.exact, key), name: `${c.name}.${key}` }));
      problems.push(...massOf(parts, ph.has(key), key, o.threshold));
    }
  }
  return problems;
}
