import { AGE_GROUPS, CONCERN_TOPICS, GENDERS, SENSITIVITIES, type Cell, type ReportMeasures, type ReportSummary, type ReportUnit } from '@rd/contracts';

/** Report answers for the specs of this folder (not shipped: nothing but the specs imports it). */

export const cell = (value: number | null, n: number | null = value === null ? 0 : 10): Cell => ({ value, n, suppressed: false });
export const SUPPRESSED: Cell = { value: null, n: null, suppressed: true };
export const cells = <K extends string>(keys: readonly K[], c: Cell) => Object.fromEntries(keys.map((k) => [k, c])) as Record<K, Cell>;

export function measures(rate: { expected: number; held: number; rate: number | null }, womenShare: Cell = cell(0.4), trust: Cell = cell(3.5)): ReportMeasures {
  return {
    reportingRate: { ...rate, heldOnTime: rate.held, overdue: rate.expected - rate.held, notScheduled: 0, onTimeRate: rate.rate, meetingsHeld: rate.held, meetingsCancelled: 0 },
    attendance: {
      meetings: rate.held,
      total: 40,
      byGender: cells(GENDERS, cell(10)),
      byAgeGroup: cells(AGE_GROUPS, cell(10)),
      byGenderAndAge: { women: cells(AGE_GROUPS, cell(5)), men: cells(AGE_GROUPS, cell(5)), other: cells(AGE_GROUPS, SUPPRESSED) },
      womenShare,
      youthShare: cell(0.3),
      officialsPresent: 2,
      averagePerMeeting: 20,
    },
    concerns: {
      total: 3,
      byTopic: cells(CONCERN_TOPICS, cell(0)),
      bySensitivity: cells(SENSITIVITIES, cell(1)),
      followUpNeeded: 1,
      followUpShare: 0.33,
      resolved: 0,
      medianDaysToResolve: null,
      actions: { total: 0, open: 0, done: 0, overdue: 0, other: 0 },
    },
    trust: {
      respondents: 10,
      usefulnessAverage: trust,
      trustAverage: trust,
      contactPoliceFirstShare: cell(0.5),
      previous: { respondents: 0, usefulnessAverage: cell(null), trustAverage: cell(null), contactPoliceFirstShare: cell(null) },
      change: { usefulnessAverage: null, trustAverage: null, contactPoliceFirstShare: null },
    },
    handOver: { meetingsHeld: rate.held, police: 0, policeNgoFacilitated: 0, ngo: rate.held, policeShare: 0 },
  };
}

export const unit = (level: ReportUnit['level'], code: string | null): ReportUnit => ({ level, code, regionCode: 'sughd', districtCode: level === 'region' ? null : 'isfara' });

export function summary(level: ReportUnit['level'], children: ReportSummary['children'], drillDown = true): ReportSummary {
  return {
    unit: unit(level, 'sughd'),
    period: { from: '2026-Q4', to: '2026-Q4', quarters: ['2026-Q4'] },
    suppression: { threshold: 5, applied: true },
    measures: measures({ expected: 10, held: 7, rate: 0.7 }),
    drillDown,
    children,
    asOf: null,
  };
}
