import { AGE_GROUPS, CONCERN_TOPICS, GENDERS, SENSITIVITIES, type Cell, type ReportMeasures } from '@rd/contracts';
import { histogramMedian, overdueActions, type RawCounts } from './raw-counts';

export interface MeasureOptions {
  /** Whether small-group suppression applies to this answer. */
  suppress: boolean;
  threshold: number;
  /** Expected community-quarters already over without a reporting day (decided with the district time zones). */
  overdue: number;
  /** Today (YYYY-MM-DD, UTC): open actions due before it are overdue. */
  today: string;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

function hidden(n: number, o: MeasureOptions): boolean {
  return o.suppress && n > 0 && n < o.threshold;
}

/** A count cell: hidden when 0 < count < threshold. */
function countCell(n: number, o: MeasureOptions): Cell {
  return hidden(n, o) ? { value: null, n: null, suppressed: true } : { value: n, n, suppressed: false };
}

/** A share or average built from `n` people; also hidden when the part it reveals is a small group. */
function derivedCell(value: number | null, n: number, o: MeasureOptions, part?: number): Cell {
  if (hidden(n, o) || (part !== undefined && hidden(part, o))) return { value: null, n: null, suppressed: true };
  return { value, n, suppressed: false };
}

function trustOf(raw: RawCounts, o: MeasureOptions) {
  const n = raw['fb.n'] ?? 0;
  return {
    respondents: n,
    usefulnessAverage: derivedCell(ratio(raw['fb.usefulness'] ?? 0, n), n, o),
    trustAverage: derivedCell(ratio(raw['fb.trust'] ?? 0, n), n, o),
    contactPoliceFirstShare: derivedCell(ratio(raw['fb.first'] ?? 0, n), n, o),
  };
}

const change = (now: Cell, before: Cell): number | null =>
  now.value === null || before.value === null || now.suppressed || before.suppressed ? null : now.value - before.value;

/** The contract measures of a cell (or a sum of cells), `previous` being the period just before (trust change). */
export function toMeasures(raw: RawCounts, previous: RawCounts, o: MeasureOptions): ReportMeasures {
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
  const trustNow = trustOf(raw, o);
  const trustBefore = trustOf(previous, o);
  const byGenderAndAge = (x: (typeof GENDERS)[number]) =>
    Object.fromEntries(AGE_GROUPS.map((a) => [a, countCell(g(`att.${x}.${a}`), o)])) as Record<(typeof AGE_GROUPS)[number], Cell>;
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
      byGender: { women: countCell(women, o), men: countCell(gender('men'), o), other: countCell(gender('other'), o) },
      byAgeGroup: Object.fromEntries(AGE_GROUPS.map((a) => [a, countCell(age(a), o)])) as Record<(typeof AGE_GROUPS)[number], Cell>,
      byGenderAndAge: { women: byGenderAndAge('women'), men: byGenderAndAge('men'), other: byGenderAndAge('other') },
      womenShare: derivedCell(ratio(women, total), total, o, women),
      youthShare: derivedCell(ratio(youth, total), total, o, youth),
      officialsPresent: g('att.officials'),
      averagePerMeeting: ratio(total, attMeetings),
    },
    concerns: {
      total: concerns,
      byTopic: Object.fromEntries(CONCERN_TOPICS.map((t) => [t, countCell(g(`c.topic.${t}`), o)])) as ReportMeasures['concerns']['byTopic'],
      bySensitivity: Object.fromEntries(SENSITIVITIES.map((s) => [s, countCell(g(`c.sens.${s}`), o)])) as ReportMeasures['concerns']['bySensitivity'],
      followUpNeeded: g('c.followUp'),
      followUpShare: ratio(g('c.followUp'), concerns),
      resolved: g('c.resolved'),
      medianDaysToResolve: histogramMedian(raw),
      actions: { total: g('a.total'), open: g('a.open'), done: g('a.done'), overdue: overdueActions(raw, o.today), other: g('a.other') },
    },
    trust: {
      ...trustNow,
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
