import type { ConcernTopic, ReportMeasures, ReportTimeSeries } from '@rd/contracts';
import { handOverTrend, handOverView, topicTable } from './breakdowns';
import { cell, measures, summary, SUPPRESSED, unit } from './reportFixtures';

const withTopics = (topics: Partial<Record<ConcernTopic, ReturnType<typeof cell>>>, total: number): ReportMeasures => {
  const base = measures({ expected: 4, held: 3, rate: 0.75 });
  return { ...base, concerns: { ...base.concerns, total, byTopic: { ...base.concerns.byTopic, ...topics } } };
};

const withHandOver = (handOver: ReportMeasures['handOver']): ReportMeasures => ({ ...measures({ expected: 4, held: 3, rate: 0.75 }), handOver });

function series(points: [string, ReportMeasures][]): ReportTimeSeries {
  const quarters = points.map(([quarter]) => quarter);
  return {
    unit: unit('district', 'isfara'),
    period: { from: quarters[0], to: quarters[quarters.length - 1], quarters },
    suppression: { threshold: 5, applied: true },
    asOf: null,
    points: points.map(([quarter, m]) => ({ quarter, measures: m })),
  };
}

describe(topicTable.name, () => {
  it('should list the raised and the suppressed topics, most raised first, suppressed ones after, never a number for them', () => {
    const period = { ...summary('district', []), measures: withTopics({ theft: cell(7), drugs: cell(12), 'domestic-violence': SUPPRESSED, 'road-safety': SUPPRESSED }, 23) };
    const table = topicTable(
      period,
      series([
        ['2026-Q3', withTopics({ theft: cell(7), drugs: SUPPRESSED, 'domestic-violence': SUPPRESSED }, 9)],
        ['2026-Q4', withTopics({ drugs: cell(10), 'road-safety': SUPPRESSED }, 14)],
      ]),
    );
    expect(table.quarters).toEqual(['2026-Q3', '2026-Q4']);
    expect(table.rows.map((row) => [row.topic, row.period, row.quarters])).toEqual([
      ['drugs', { kind: 'value', value: 12 }, [{ kind: 'suppressed' }, { kind: 'value', value: 10 }]],
      ['theft', { kind: 'value', value: 7 }, [{ kind: 'value', value: 7 }, { kind: 'value', value: 0 }]],
      ['domestic-violence', { kind: 'suppressed' }, [{ kind: 'suppressed' }, { kind: 'value', value: 0 }]],
      ['road-safety', { kind: 'suppressed' }, [{ kind: 'value', value: 0 }, { kind: 'suppressed' }]],
    ]);
    expect([table.total, table.totals]).toEqual([23, [9, 14]]);
  });

  it('should leave out topics nobody raised and work without a series', () => {
    const table = topicTable({ ...summary('district', []), measures: withTopics({}, 0) }, undefined);
    expect(table).toEqual({ quarters: [], rows: [], total: 0, totals: [] });
  });

  it('should keep a topic raised only in one quarter of the series', () => {
    const table = topicTable({ ...summary('district', []), measures: withTopics({}, 0) }, series([['2026-Q4', withTopics({ other: SUPPRESSED }, 2)]]));
    expect(table.rows.map((row) => row.topic)).toEqual(['other']);
  });
});

describe(handOverView.name, () => {
  it('should give the police-organised share and each organiser’s share of the meetings held', () => {
    const view = handOverView(withHandOver({ meetingsHeld: 8, police: 2, policeNgoFacilitated: 2, ngo: 4, policeShare: 0.25 }));
    expect(view.meetingsHeld).toBe(8);
    expect(view.policeShare).toEqual({ kind: 'value', value: 0.25 });
    expect(view.parts).toEqual([
      { organisedBy: 'police', count: 2, share: { kind: 'value', value: 0.25 } },
      { organisedBy: 'police-ngo-facilitated', count: 2, share: { kind: 'value', value: 0.25 } },
      { organisedBy: 'ngo', count: 4, share: { kind: 'value', value: 0.5 } },
    ]);
  });

  it('should have no share without meetings held', () => {
    const view = handOverView(withHandOver({ meetingsHeld: 0, police: 0, policeNgoFacilitated: 0, ngo: 0, policeShare: null }));
    expect(view.policeShare).toEqual({ kind: 'empty' });
    expect(view.parts.map((part) => part.share)).toEqual([{ kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }]);
  });
});

describe(handOverTrend.name, () => {
  it('should chart the police-organised share per quarter, a gap where nothing was held', () => {
    const points = handOverTrend(
      series([
        ['2026-Q3', withHandOver({ meetingsHeld: 0, police: 0, policeNgoFacilitated: 0, ngo: 0, policeShare: null })],
        ['2026-Q4', withHandOver({ meetingsHeld: 3, police: 1, policeNgoFacilitated: 0, ngo: 2, policeShare: 1 / 3 })],
      ]),
    );
    expect(points).toEqual([
      { quarter: '2026-Q3', policeShare: null, meetingsHeld: 0 },
      { quarter: '2026-Q4', policeShare: 33.3, meetingsHeld: 3 },
    ]);
  });
});
