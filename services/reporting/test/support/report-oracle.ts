import { CONCERN_TOPICS, type ReportLevel } from '@rd/contracts';
import { withComplements } from '../../src/reports/measures';
import { localQuarter, type Community, type Concern, type Meeting, type World } from './report-model';

/**
 * Measures computed the straightforward way from the generated world (never from events or the read
 * model), to compare every number of the read model with. Written without the service's helpers.
 */

const GENDERS = ['women', 'men', 'other'] as const;
const AGES = ['under18', 'from18to29', 'from30to59', 'from60'] as const;

function qIndex(q: string): number {
  return Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
}
function qName(i: number): string {
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}
function utcBounds(q: string): [number, number] {
  const y = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  return [Date.UTC(y, (n - 1) * 3, 1), Date.UTC(y, n * 3, 1)];
}

export interface OracleUnit {
  level: ReportLevel;
  code: string | null;
}

function inUnit(unit: OracleUnit, district: { code: string; region: string }, communityIds: string[] | null): boolean {
  switch (unit.level) {
    case 'country':
      return true;
    case 'region':
      return district.region === unit.code;
    case 'district':
      return district.code === unit.code;
    case 'community':
      return communityIds !== null && communityIds.includes(unit.code as string);
  }
}

/** Active milliseconds of a community inside [from, to), walking its history step by step. */
function activeMs(c: Community, from: number, to: number): number {
  const steps = [...c.history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let total = 0;
  for (let i = 0; i < steps.length; i += 1) {
    if (steps[i].status !== 'active') continue;
    const start = steps[i].at.getTime();
    const end = i + 1 < steps.length ? steps[i + 1].at.getTime() : Number.POSITIVE_INFINITY;
    total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}

function meetingQuarter(m: Meeting): string {
  return m.held ? m.held.quarter : m.plans[m.plans.length - 1].quarter;
}

function finalSensitivity(c: Concern) {
  return [...c.sensitivity].sort((a, b) => a.at.getTime() - b.at.getTime()).pop()!.value;
}

function resolvedAt(c: Concern): Date | null {
  const changes = c.actions.flatMap((a) => a.changes).sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = changes[changes.length - 1];
  return last && last.concernResolved ? last.at : null;
}

function finalStatus(a: Concern['actions'][number]) {
  return a.changes.length ? [...a.changes].sort((x, y) => x.at.getTime() - y.at.getTime()).pop()!.to : 'open';
}

export interface OracleOptions {
  suppress: boolean;
  threshold: number;
}

interface Plain {
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

/** The measures of a unit over quarters [from, to]; the shape of ReportMeasures. */
export function oracleMeasures(world: World, unit: OracleUnit, from: string, to: string, options: OracleOptions) {
  const quarters: string[] = [];
  for (let i = qIndex(from); i <= qIndex(to); i += 1) quarters.push(qName(i));
  const span = quarters.length;
  const prevFrom = qName(qIndex(from) - span);
  const prevTo = qName(qIndex(from) - 1);
  const horizon = qIndex(localQuarter(world.now, 'UTC'));
  const small = (n: number) => options.suppress && n > 0 && n < options.threshold;
  const derived = (num: number, den: number, partHidden = false): Plain =>
    small(den) || partHidden ? { value: null, n: null, suppressed: true } : { value: den > 0 ? num / den : null, n: den, suppressed: false };
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

  // Reporting rate.
  let expected = 0;
  let held = 0;
  let heldOnTime = 0;
  let overdue = 0;
  let notScheduled = 0;
  for (const c of world.communities) {
    if (!inUnit(unit, c.district, [c.id])) continue;
    for (const q of quarters) {
      if (qIndex(q) > horizon) continue;
      const [s, e] = utcBounds(q);
      const share = activeMs(c, s, e) / (e - s);
      if (share <= 0) continue;
      const mine = world.meetings.filter((m) => m.communityIds.includes(c.id) && meetingQuarter(m) === q);
      const heldOnes = mine.filter((m) => m.held);
      const isExpected = share >= 0.5 || heldOnes.length > 0;
      if (!isExpected) continue;
      expected += 1;
      if (heldOnes.length > 0) {
        held += 1;
        if (heldOnes.some((m) => qIndex(localQuarter(m.held!.heldAt, m.district.timeZone)) <= qIndex(q))) heldOnTime += 1;
      } else {
        // Over when the district's calendar has left the quarter.
        if (qIndex(localQuarter(world.now, c.district.timeZone)) > qIndex(q)) overdue += 1;
        const planned = mine.some((m) => !m.cancelledAt && !m.held);
        if (!planned) notScheduled += 1;
      }
    }
  }

  const meetingsIn = (qs: string[]) =>
    world.meetings.filter((m) => qs.includes(meetingQuarter(m)) && (unit.level === 'community' ? m.communityIds.includes(unit.code as string) : inUnit(unit, m.district, null)));
  const meetings = meetingsIn(quarters);
  const heldMeetings = meetings.filter((m) => m.held);

  // Attendance: the latest recording of each meeting.
  const cells: Record<string, Record<string, number>> = { women: {}, men: {}, other: {} };
  let attMeetings = 0;
  let officials = 0;
  for (const g of GENDERS) for (const a of AGES) cells[g][a] = 0;
  for (const m of meetings) {
    if (m.attendance.length === 0 || m.cancelledAt) continue;
    const latest = [...m.attendance].sort((x, y) => x.at.getTime() - y.at.getTime()).pop()!;
    attMeetings += 1;
    officials += latest.officials;
    for (const g of GENDERS) for (const a of AGES) cells[g][a] += latest.counts[g][a];
  }
  const total = GENDERS.reduce((s, g) => s + AGES.reduce((t, a) => t + cells[g][a], 0), 0);
  const byGender = (g: (typeof GENDERS)[number]) => AGES.reduce((t, a) => t + cells[g][a], 0);
  const byAge = (a: (typeof AGES)[number]) => GENDERS.reduce((t, g) => t + cells[g][a], 0);

  // Concerns and actions of those meetings.
  const ids = new Set(meetings.map((m) => m.id));
  const concerns = world.concerns.filter((c) => ids.has(c.meetingId));
  const topics: Record<string, number> = {};
  const sens: Record<string, number> = { public: 0, restricted: 0, confidential: 0 };
  const days: number[] = [];
  let followUp = 0;
  const actions = { total: 0, open: 0, done: 0, overdue: 0, other: 0 };
  const today = world.now.toISOString().slice(0, 10);
  for (const c of concerns) {
    topics[c.topic] = (topics[c.topic] ?? 0) + 1;
    sens[finalSensitivity(c)] += 1;
    if (c.followUpNeeded) followUp += 1;
    const r = resolvedAt(c);
    if (r) days.push(Math.max(0, Math.floor((r.getTime() - c.recordedAt.getTime()) / 86_400_000)));
    for (const a of c.actions) {
      actions.total += 1;
      const s = finalStatus(a);
      if (s === 'open' || s === 'in-progress') {
        actions.open += 1;
        if (a.dueDate < today) actions.overdue += 1;
      } else if (s === 'done') actions.done += 1;
      else actions.other += 1;
    }
  }
  days.sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;

  // Trust: every response of the period's meetings.
  const averagesOf = (responses: Meeting['feedback'][number], partHidden = false) => {
    const n = responses.length;
    return {
      respondents: n,
      usefulnessAverage: derived(responses.reduce((s, x) => s + x.usefulness, 0), n, partHidden),
      trustAverage: derived(responses.reduce((s, x) => s + x.trust, 0), n, partHidden),
      contactPoliceFirstShare: derived(responses.filter((x) => x.contactFirst).length, n, partHidden),
    };
  };
  const trustOf = (ms: Meeting[]) => averagesOf(ms.flatMap((m) => m.feedback.flat()));
  // The model's answers all come from staff (feedback-recorded v1): residents and kiosk are empty groups.
  const bySourceOf = (ms: Meeting[]) => {
    const staff = ms.flatMap((m) => m.feedback.flat());
    return { resident: averagesOf([], small(staff.length)), kiosk: averagesOf([], small(staff.length)), staff: averagesOf(staff, small(staff.length)) };
  };
  const prevQuarters: string[] = [];
  for (let i = qIndex(prevFrom); i <= qIndex(prevTo); i += 1) prevQuarters.push(qName(i));
  const now = trustOf(meetings);
  const before = trustOf(meetingsIn(prevQuarters));
  const diff = (a: Plain, b: Plain) => (a.value === null || b.value === null || a.suppressed || b.suppressed ? null : a.value - b.value);

  const byOrg = (o: string) => heldMeetings.filter((m) => m.held!.organisedBy === o).length;
  const women = byGender('women');
  const youth = byAge('under18') + byAge('from18to29');

  // Small groups, then the complementary cells (withComplements is proven on its own in report-math.spec.ts).
  const n: Record<string, number> = {};
  for (const g of GENDERS) for (const a of AGES) n[`att.${g}.${a}`] = cells[g][a];
  for (const g of GENDERS) n[`att.g.${g}`] = byGender(g);
  for (const a of AGES) n[`att.a.${a}`] = byAge(a);
  for (const t of CONCERN_TOPICS) n[`c.topic.${t}`] = topics[t] ?? 0;
  for (const s of Object.keys(sens)) n[`c.sens.${s}`] = sens[s];
  const hiddenKeys = withComplements(new Set(Object.keys(n).filter((key) => small(n[key]))), (key) => n[key] ?? 0);
  const count = (key: string): Plain => (hiddenKeys.has(key) ? { value: null, n: null, suppressed: true } : { value: n[key], n: n[key], suppressed: false });
  const TOPICS = CONCERN_TOPICS.filter((t) => hiddenKeys.has(`c.topic.${t}`) || (topics[t] ?? 0) > 0);
  return {
    reportingRate: {
      expected,
      held,
      heldOnTime,
      overdue,
      notScheduled,
      rate: ratio(held, expected),
      onTimeRate: ratio(heldOnTime, expected),
      meetingsHeld: heldMeetings.length,
      meetingsCancelled: meetings.filter((m) => m.cancelledAt && !m.held).length,
    },
    attendance: {
      meetings: attMeetings,
      total,
      byGender: { women: count('att.g.women'), men: count('att.g.men'), other: count('att.g.other') },
      byAgeGroup: Object.fromEntries(AGES.map((a) => [a, count(`att.a.${a}`)])),
      byGenderAndAge: Object.fromEntries(GENDERS.map((g) => [g, Object.fromEntries(AGES.map((a) => [a, count(`att.${g}.${a}`)]))])),
      womenShare: derived(women, total, small(women) || hiddenKeys.has('att.g.women')),
      youthShare: derived(youth, total, small(youth) || hiddenKeys.has('att.a.under18') || hiddenKeys.has('att.a.from18to29')),
      officialsPresent: officials,
      averagePerMeeting: ratio(total, attMeetings),
    },
    concerns: {
      total: concerns.length,
      topicCounts: Object.fromEntries(TOPICS.map((t) => [t, count(`c.topic.${t}`)])),
      bySensitivity: { public: count('c.sens.public'), restricted: count('c.sens.restricted'), confidential: count('c.sens.confidential') },
      followUpNeeded: followUp,
      followUpShare: ratio(followUp, concerns.length),
      resolved: days.length,
      medianDaysToResolve: median,
      actions,
    },
    trust: {
      ...now,
      bySource: bySourceOf(meetings),
      selfReportedShare: derived(0, now.respondents),
      staffDominates: now.respondents > 0,
      previous: before,
      change: {
        usefulnessAverage: diff(now.usefulnessAverage, before.usefulnessAverage),
        trustAverage: diff(now.trustAverage, before.trustAverage),
        contactPoliceFirstShare: diff(now.contactPoliceFirstShare, before.contactPoliceFirstShare),
      },
    },
    handOver: {
      meetingsHeld: heldMeetings.length,
      police: byOrg('police'),
      policeNgoFacilitated: byOrg('police-ngo-facilitated'),
      ngo: byOrg('ngo'),
      policeShare: ratio(byOrg('police'), heldMeetings.length),
    },
  };
}

/** Rounds every number (floating sums differ in the last bits between the two computations). */
export function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e9) / 1e9) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  return value;
}
