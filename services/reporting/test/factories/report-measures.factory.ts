import { AGE_GROUPS, CONCERN_TOPICS, GENDERS, SENSITIVITIES, type Cell, type ReportMeasures, type ReportSummary, type ReportTimeSeries, type ReportUnit } from '@rd/contracts';

const cell = (value: number | null, suppressed = false): Cell => (suppressed ? { value: null, n: null, suppressed: true } : { value, n: 10, suppressed: false });

/** Plausible measures; `k` varies them, and "other" gender and the domestic-violence topic are suppressed. */
export function reportMeasures(k = 0): ReportMeasures {
  return {
    reportingRate: { expected: 10, held: 7 + (k % 3), heldOnTime: 6, overdue: 1, notScheduled: 1, rate: (7 + (k % 3)) / 10, onTimeRate: 0.6, meetingsHeld: 8, meetingsCancelled: 1 },
    attendance: {
      meetings: 8,
      total: 412,
      byGender: { women: cell(170), men: cell(240), other: cell(null, true) },
      byAgeGroup: Object.fromEntries(AGE_GROUPS.map((a, i) => [a, cell(40 + i * 30)])) as ReportMeasures['attendance']['byAgeGroup'],
      byGenderAndAge: Object.fromEntries(GENDERS.map((g) => [g, Object.fromEntries(AGE_GROUPS.map((a) => [a, cell(5)]))])) as ReportMeasures['attendance']['byGenderAndAge'],
      womenShare: cell(0.41),
      youthShare: cell(0.3),
      officialsPresent: 12,
      averagePerMeeting: 51.5,
    },
    concerns: {
      total: 60,
      byTopic: Object.fromEntries(CONCERN_TOPICS.map((t, i) => [t, cell(i * 2, t === 'domestic-violence')])) as ReportMeasures['concerns']['byTopic'],
      bySensitivity: Object.fromEntries(SENSITIVITIES.map((s) => [s, cell(20)])) as ReportMeasures['concerns']['bySensitivity'],
      followUpNeeded: 30,
      followUpShare: 0.5,
      resolved: 12,
      medianDaysToResolve: 14,
      actions: { total: 30, open: 10, done: 15, overdue: 3, other: 2 },
    },
    trust: {
      respondents: 200,
      usefulnessAverage: cell(3.5 + k * 0.1),
      trustAverage: cell(3 + k * 0.12),
      contactPoliceFirstShare: cell(0.4 + k * 0.03),
      previous: { respondents: 150, usefulnessAverage: cell(3.4), trustAverage: cell(3.1), contactPoliceFirstShare: cell(0.4) },
      change: { usefulnessAverage: 0.1, trustAverage: -0.2, contactPoliceFirstShare: 0.05 },
    },
    handOver: { meetingsHeld: 8, police: 3, policeNgoFacilitated: 3, ngo: 2, policeShare: 0.375 },
  };
}

export function reportSummary(unit: ReportUnit, from: string, to: string, children: ReportUnit[] = []): ReportSummary {
  return {
    unit,
    period: { from, to, quarters: [from] },
    suppression: { threshold: 5, applied: true },
    measures: reportMeasures(1),
    drillDown: true,
    children: children.map((child, i) => ({ unit: child, measures: reportMeasures(i) })),
    asOf: '2026-11-24T18:00:00.000Z',
  };
}

export function reportTimeSeries(unit: ReportUnit, quarters: string[]): ReportTimeSeries {
  return {
    unit,
    period: { from: quarters[0], to: quarters[quarters.length - 1], quarters },
    suppression: { threshold: 5, applied: true },
    points: quarters.map((quarter, i) => ({ quarter, measures: reportMeasures(i) })),
    asOf: null,
  };
}
