import { AGE_GROUPS, CONCERN_TOPICS, GENDERS, SENSITIVITIES, addQuarters, quarterIndex, quartersBetween, type Cell, type ReportMeasures } from '@rd/contracts';
import loadHighs from 'highs';

/**
 * The attacker's linear program (what τ-ARGUS and sdcTable audit): every cell a caller was shown is an equation
 * over the unknown base counts (district × quarter × breakdown); for each cell the caller was shown as suppressed,
 * the smallest and largest value it can take under all those equations (and counts ≥ 0, scores 1–5) is solved
 * with HiGHS. Written from the published numbers only, without the service's suppression code.
 */

/** One number as published: a unit (region or district code), a period, a measure key; null = suppressed. */
export interface Observation {
  unit: string;
  from: string;
  to: string;
  key: string;
  value: number | null;
  where: string;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The keys of one ReportMeasures, in the audit's vocabulary (counts; averages and shares turned back into sums). */
export function observeMeasures(m: ReportMeasures, unit: string, from: string, to: string, where: string, push: (o: Observation) => void): void {
  const put = (key: string, value: number | null) => push({ unit, from, to, key, value, where });
  const cell = (key: string, c: Cell) => put(key, c.suppressed ? null : (c.value ?? 0));
  put('att.total', m.attendance.total);
  for (const g of GENDERS) cell(`att.g.${g}`, m.attendance.byGender[g]);
  for (const a of AGE_GROUPS) cell(`att.a.${a}`, m.attendance.byAgeGroup[a]);
  for (const g of GENDERS) for (const a of AGE_GROUPS) cell(`att.${g}.${a}`, m.attendance.byGenderAndAge[g][a]);
  const total = m.attendance.total;
  // A share times the (always shown) total is a count.
  if (!m.attendance.womenShare.suppressed && m.attendance.womenShare.value !== null) put('att.g.women', round(m.attendance.womenShare.value * total));
  if (m.attendance.womenShare.suppressed) put('att.g.women~share', null);
  put('att.youth', m.attendance.youthShare.suppressed ? null : round((m.attendance.youthShare.value ?? 0) * total));
  put('c.total', m.concerns.total);
  for (const t of CONCERN_TOPICS) cell(`c.topic.${t}`, m.concerns.byTopic[t]);
  for (const s of SENSITIVITIES) cell(`c.sens.${s}`, m.concerns.bySensitivity[s]);
  const trust = (t: ReportMeasures['trust'] | ReportMeasures['trust']['previous'], f: string, u: string) => {
    const n = t.respondents;
    const sum = (c: Cell) => (c.suppressed ? null : round((c.value ?? 0) * n));
    push({ unit, from: f, to: u, key: 'fb.n', value: n, where });
    push({ unit, from: f, to: u, key: 'fb.usefulness', value: sum(t.usefulnessAverage), where });
    push({ unit, from: f, to: u, key: 'fb.trust', value: sum(t.trustAverage), where });
    push({ unit, from: f, to: u, key: 'fb.first', value: sum(t.contactPoliceFirstShare), where });
  };
  trust(m.trust, from, to);
  const span = quarterIndex(to) - quarterIndex(from) + 1;
  trust(m.trust.previous, addQuarters(from, -span), addQuarters(from, -1));
}

/** Which LP a key belongs to (keys of different groups share no relation), and its base terms. */
function termsOf(key: string): { group: string; parts: string[] } {
  const att = (g: readonly string[], a: readonly string[]) => g.flatMap((x) => a.map((y) => `${x}.${y}`));
  if (key === 'att.total') return { group: 'att', parts: att(GENDERS, AGE_GROUPS) };
  if (key === 'att.youth') return { group: 'att', parts: att(GENDERS, ['under18', 'from18to29']) };
  if (key.startsWith('att.g.')) return { group: 'att', parts: att([key.slice(6)], AGE_GROUPS) };
  if (key.startsWith('att.a.')) return { group: 'att', parts: att(GENDERS, [key.slice(6)]) };
  if (key.startsWith('att.')) return { group: 'att', parts: [key.slice(4)] };
  // Topics and sensitivities are two breakdowns of the same concerns: one LP with both and their common total.
  if (key === 'c.total') return { group: 'c', parts: CONCERN_TOPICS.map((t) => `topic.${t}`) };
  if (key.startsWith('c.')) return { group: 'c', parts: [key.slice(2)] };
  if (key === 'fb.n') return { group: 'fb.n', parts: ['n'] };
  return { group: key, parts: ['sum'] };
}

export interface AuditFinding {
  unit: string;
  from: string;
  to: string;
  key: string;
  min: number;
  max: number;
  /** The real value (from the caller-independent truth the test knows), for the message only. */
  where: string;
}

export interface AuditResult {
  /** Cells hidden in one response and shown in another. */
  inconsistent: string[];
  /** Suppressed cells whose interval is narrower than required. */
  findings: AuditFinding[];
  audited: number;
  /** Suppressed cells proven to be 0 (nobody in them). */
  empty: number;
  /** max − min of every other suppressed cell. */
  widths: { group: string; width: number }[];
  equations: number;
}

/**
 * Solves min and max of every suppressed cell. `districts` make up the region `region`; `quarters` are every
 * quarter the observations cover. Required width: `protection(cell)`.
 */
export async function auditSuppression(
  observations: Observation[],
  opts: { region: string; districts: string[]; quarters: string[]; protection: (o: Observation & { group: string }) => number },
): Promise<AuditResult> {
  const highs = await loadHighs();
  const shown = new Map<string, Observation>();
  const hidden = new Map<string, Observation>();
  const id = (o: Pick<Observation, 'unit' | 'from' | 'to' | 'key'>) => `${o.unit}|${o.from}|${o.to}|${o.key}`;
  for (const o of observations) {
    if (o.key.endsWith('~share')) continue;
    if (o.value === null) hidden.set(id(o), hidden.get(id(o)) ?? o);
    else {
      const before = shown.get(id(o));
      if (before && Math.abs((before.value as number) - o.value) > 1e-6) throw new Error(`${id(o)} is ${before.value} in ${before.where} but ${o.value} in ${o.where}`);
      shown.set(id(o), before ?? o);
    }
  }
  const inconsistent = [...hidden.keys()].filter((k) => shown.has(k)).map((k) => `${k}: hidden in ${hidden.get(k)?.where}, shown in ${shown.get(k)?.where}`);
  const inWindow = new Set(opts.quarters);
  const unitsOf = (unit: string) => (unit === opts.region ? opts.districts : [unit]);
  // Respondents per district-quarter bound the score sums (each score 1..5, the first-contact count 0..n).
  const respondents = new Map<string, number>();
  for (const o of shown.values()) if (o.key === 'fb.n' && o.from === o.to && o.unit !== opts.region) respondents.set(`${o.unit}|${o.from}`, o.value as number);

  const vars = new Map<string, string>();
  const varOf = (group: string, d: string, q: string, part: string) => {
    const k = `${group}|${d}|${q}|${part}`;
    let v = vars.get(k);
    if (!v) {
      v = `x${vars.size}`;
      vars.set(k, v);
    }
    return v;
  };
  const linear = (o: Pick<Observation, 'unit' | 'from' | 'to' | 'key'>) => {
    const { group, parts } = termsOf(o.key);
    const qs = quartersBetween(o.from, o.to).filter((q) => inWindow.has(q));
    const outside = quartersBetween(o.from, o.to).length - qs.length;
    const terms = unitsOf(o.unit).flatMap((d) => qs.flatMap((q) => parts.map((p) => varOf(group, d, q, p))));
    return { group, terms, outside };
  };
  // Each group's equations reduced to independent rows (Gauss-Jordan): thousands of repeated sums become a few hundred rows.
  const systems = new Map<string, LinearSystem>();
  const addEquation = (group: string, terms: string[], value: number) => {
    let system = systems.get(group);
    if (!system) systems.set(group, (system = new LinearSystem()));
    const row = new Map<string, number>();
    for (const t of terms) {
      const [coef, name] = t.startsWith('-1 ') ? [-1, t.slice(3)] : [1, t];
      row.set(name, (row.get(name) ?? 0) + coef);
    }
    system.add(row, value, `${group} = ${value}`);
  };
  for (const o of shown.values()) {
    const { group, terms, outside } = linear(o);
    // A period reaching outside the generated quarters is only used when nothing happened there (then it equals the part inside).
    if (outside > 0 && o.value !== 0) continue;
    if (terms.length) addEquation(group, terms, o.value as number);
  }
  // The concerns' two breakdowns have the same total.
  for (const d of opts.districts) {
    for (const q of opts.quarters) {
      addEquation('c', [...CONCERN_TOPICS.map((t) => `-1 ${varOf('c', d, q, `topic.${t}`)}`), ...SENSITIVITIES.map((s) => varOf('c', d, q, `sens.${s}`))], 0);
    }
  }
  const boundsOf = (group: string, key: string): string => {
    const [, d, q] = key.split('|');
    const n = respondents.get(`${d}|${q}`);
    if (group === 'fb.usefulness' || group === 'fb.trust') return n === undefined ? '>= 0' : `>= ${n} <= ${5 * n}`;
    if (group === 'fb.first') return n === undefined ? '>= 0' : `<= ${n}`;
    return '>= 0';
  };
  const findings: AuditFinding[] = [];
  let audited = 0;
  let empty = 0;
  const widths: { group: string; width: number }[] = [];
  for (const o of hidden.values()) {
    if (shown.has(id(o))) continue;
    // The youth share is hidden with either age group it adds up; their sum itself is no breakdown cell (and is
    // shown whenever both are): a determined sum of two hidden groups is audited through those groups.
    if (o.key === 'att.youth') continue;
    const { group, terms, outside } = linear(o);
    if (outside > 0 || terms.length === 0) continue;
    const objective = terms.join(' + ');
    const rows = systems.get(group)?.rows() ?? [];
    const groupVars = [...vars.entries()].filter(([k]) => k.startsWith(`${group}|`));
    const model = (sense: 'Minimize' | 'Maximize') =>
      [
        sense,
        ` obj: ${objective}`,
        'Subject To',
        ...rows.map((r, i) => ` e${i}: ${r}`),
        'Bounds',
        ...groupVars.map(([k, v]) => {
          const b = boundsOf(group, k);
          return b.startsWith('>=') && b.includes('<=') ? ` ${b.split(' <= ')[0].slice(3)} <= ${v} <= ${b.split(' <= ')[1]}` : b.startsWith('<=') ? ` 0 <= ${v} ${b}` : ` ${v} ${b}`;
        }),
        'End',
      ].join('\n');
    const solve = (sense: 'Minimize' | 'Maximize') => {
      const s = highs.solve(model(sense));
      if (s.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
      if (s.Status !== 'Optimal') throw new Error(`LP ${s.Status} for ${id(o)}`);
      return s.ObjectiveValue;
    };
    const min = solve('Minimize');
    const max = solve('Maximize');
    audited += 1;
    // Proven empty (a shown zero above it): a cell of nobody discloses nobody.
    if (max <= 1e-9) {
      empty += 1;
      continue;
    }
    widths.push({ group, width: max - min });
    if (max - min < opts.protection({ ...o, group }) - 1e-6) findings.push({ unit: o.unit, from: o.from, to: o.to, key: o.key, min: round(min), max: round(max), where: o.where });
  }
  return { inconsistent, findings, audited, empty, widths, equations: [...systems.values()].reduce((s, l) => s + l.size, 0) };
}

/** Linear equations kept in reduced row echelon form: only independent rows stay; a contradiction throws. */
class LinearSystem {
  private readonly basis = new Map<string, { row: Map<string, number>; rhs: number }>();

  get size(): number {
    return this.basis.size;
  }

  add(input: Map<string, number>, value: number, what: string): void {
    const row = new Map(input);
    let rhs = value;
    for (const [col, coef] of [...row]) {
      const pivot = this.basis.get(col);
      if (!pivot || Math.abs(coef) < 1e-12) continue;
      for (const [c, v] of pivot.row) row.set(c, (row.get(c) ?? 0) - coef * v);
      rhs -= coef * pivot.rhs;
    }
    for (const [c, v] of [...row]) if (Math.abs(v) < 1e-9) row.delete(c);
    if (row.size === 0) {
      if (Math.abs(rhs) > 1e-6) throw new Error(`published cells contradict each other at ${what} (off by ${rhs})`);
      return;
    }
    const [pivotCol, pivotCoef] = [...row].reduce((best, e) => (Math.abs(e[1]) > Math.abs(best[1]) ? e : best));
    for (const [c, v] of row) row.set(c, v / pivotCoef);
    rhs /= pivotCoef;
    for (const other of this.basis.values()) {
      const coef = other.row.get(pivotCol);
      if (coef === undefined) continue;
      for (const [c, v] of row) other.row.set(c, (other.row.get(c) ?? 0) - coef * v);
      other.rhs -= coef * rhs;
      for (const [c, v] of [...other.row]) if (Math.abs(v) < 1e-9) other.row.delete(c);
    }
    this.basis.set(pivotCol, { row, rhs });
  }

  /** The rows as CPLEX LP constraints. */
  rows(): string[] {
    const num = (x: number) => Number(x.toPrecision(12));
    return [...this.basis.values()].map(({ row, rhs }) => {
      const terms = [...row].map(([c, v]) => `${v < 0 ? '-' : '+'} ${num(Math.abs(v))} ${c}`).join(' ');
      return `${terms} = ${num(rhs)}`;
    });
  }
}
