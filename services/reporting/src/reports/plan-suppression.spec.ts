import { AGE_GROUPS, CONCERN_TOPICS, GENDERS, SENSITIVITIES } from '@rd/contracts';
import fc from 'fast-check';
import { BREAKDOWN_RELATIONS, breakdownCount, PLAN_RAW_KEYS, PLANNED_KEYS, planSuppression, TRUST_KEY, type PlanRow } from './measures';
import type { RawCounts } from './raw-counts';

/**
 * `planSuppression` as first written (commit e883b13, string terms and sorts), kept as the reference: the indexed
 * version that replaced it for speed must hide exactly the same cells, ties included.
 */
function referencePlan(rows: readonly PlanRow[], threshold: number): Map<string, Set<string>> {
  const SEP = '\u0000';
  const term = (row: string, key: string) => `${row}${SEP}${key}`;
  const values = new Map<string, number>();
  for (const row of rows) for (const key of PLANNED_KEYS) values.set(term(row.id, key), breakdownCount(row.counts, key));
  const relations: { parts: string[]; total: string | null }[] = [];
  for (const row of rows) {
    for (const r of BREAKDOWN_RELATIONS) relations.push({ parts: r.parts.map((k) => term(row.id, k)), total: r.total ? term(row.id, r.total) : null });
  }
  if (rows.length > 1) {
    const [root, ...children] = rows;
    for (const key of PLANNED_KEYS) relations.push({ parts: children.map((c) => term(c.id, key)), total: term(root.id, key) });
  }
  const value = (t: string) => values.get(t) ?? 0;
  const hiddenTerms = new Set([...values].filter(([, n]) => n > 0 && n < threshold).map(([t]) => t));
  let changed = hiddenTerms.size > 0;
  while (changed) {
    changed = false;
    for (const { parts, total } of relations) {
      const hiddenParts = parts.filter((t) => hiddenTerms.has(t));
      const totalHidden = total !== null && hiddenTerms.has(total);
      const unknown = hiddenParts.length + (totalHidden ? 1 : 0);
      if (unknown === 0) continue;
      const shown = parts.filter((t) => !hiddenTerms.has(t));
      const mass = hiddenParts.reduce((s, t) => s + value(t), 0);
      const massShort = !totalHidden && mass < threshold && shown.some((t) => value(t) > 0);
      if (unknown >= 2 && !massShort) continue;
      const need = Math.max(1, threshold - mass);
      const enough = shown.filter((t) => value(t) >= need).sort((a, b) => value(a) - value(b))[0];
      const largest = shown.filter((t) => value(t) > 0).sort((a, b) => value(b) - value(a))[0];
      const totalInstead = total !== null && !totalHidden ? total : undefined;
      const pick = enough ?? largest ?? totalInstead ?? shown[0];
      if (pick === undefined) continue;
      hiddenTerms.add(pick);
      changed = true;
    }
  }
  const out = new Map<string, Set<string>>(rows.map((r) => [r.id, new Set<string>()]));
  for (const t of hiddenTerms) {
    const [row, key] = t.split(SEP);
    out.get(row)?.add(key);
  }
  return out;
}

const sorted = (plan: Map<string, Set<string>>) => [...plan].map(([id, keys]) => [id, [...keys].sort()]);

const RAW_KEYS = [
  ...GENDERS.flatMap((g) => AGE_GROUPS.map((a) => `att.${g}.${a}`)),
  ...CONCERN_TOPICS.map((t) => `c.topic.${t}`),
  ...SENSITIVITIES.map((s) => `c.sens.${s}`),
  'fb.n',
];

// Small counts, many zeros and ties: where the picks and the tie-breaks matter.
const countsArb: fc.Arbitrary<RawCounts> = fc
  .array(fc.tuple(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 })), fc.boolean()), {
    minLength: RAW_KEYS.length,
    maxLength: RAW_KEYS.length,
  })
  // A zero is stored or absent, as in the read model.
  .map((ns) => Object.fromEntries(RAW_KEYS.map((k, i) => [k, ns[i][0], ns[i][1]] as const).filter(([, n, stored]) => n !== 0 || stored).map(([k, n]) => [k, n])));

describe('planSuppression', () => {
  it('should read only PLAN_RAW_KEYS of a cell (what the query service selects for a plan)', () => {
    expect([...PLAN_RAW_KEYS].sort()).toEqual([...RAW_KEYS].sort());
    const full: RawCounts = Object.fromEntries(RAW_KEYS.map((k, i) => [k, i + 1]));
    const noise = { ...full, 'att.meetings': 3, 'c.total': 9, 'fb.trust': 7.5, 'c.days.4': 1 };
    for (const key of [...PLANNED_KEYS, TRUST_KEY]) expect(breakdownCount(noise, key)).toBe(breakdownCount(full, key));
  });

  it('should hide exactly what the first (reference) implementation hides, on random tables of a unit and its children', () => {
    fc.assert(
      fc.property(fc.array(countsArb, { minLength: 1, maxLength: 7 }), fc.integer({ min: 2, max: 11 }), fc.boolean(), (tables, threshold, emptyRoot) => {
        // The root first, as the query service orders a table; sometimes a root without a cell (no counts).
        const rows: PlanRow[] = tables.map((counts, i) => ({ id: i === 0 ? 'region:r' : `district:d${i}`, counts: i === 0 && emptyRoot ? {} : counts }));
        expect(sorted(planSuppression(rows, threshold))).toEqual(sorted(referencePlan(rows, threshold)));
      }),
      { numRuns: 3000 },
    );
  });

  it('should hide exactly what the reference hides when the root is the sum of its children (the usual table)', () => {
    fc.assert(
      fc.property(fc.array(countsArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 11 }), (children, threshold) => {
        const root: RawCounts = {};
        for (const c of children) for (const [k, n] of Object.entries(c)) root[k] = (root[k] ?? 0) + n;
        const rows: PlanRow[] = [{ id: 'district:d', counts: root }, ...children.map((counts, i) => ({ id: `community:c${i}`, counts }))];
        const plan = planSuppression(rows, threshold);
        expect(sorted(plan)).toEqual(sorted(referencePlan(rows, threshold)));
      }),
      { numRuns: 3000 },
    );
  });
});
