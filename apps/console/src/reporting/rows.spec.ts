import { cell, measures, summary, SUPPRESSED, unit } from './reportFixtures';
import { cellDisplay, rateBand, toRateRows, totalRow, toTrendPoints } from './rows';

describe(cellDisplay.name, () => {
  it('should show suppressed cells as suppressed, never as a number or zero', () => {
    expect(cellDisplay(SUPPRESSED)).toEqual({ kind: 'suppressed' });
    expect(cellDisplay(cell(0.4))).toEqual({ kind: 'value', value: 0.4 });
    expect(cellDisplay(cell(0, 10))).toEqual({ kind: 'value', value: 0 });
    expect(cellDisplay(cell(null))).toEqual({ kind: 'empty' });
  });
});

describe(toRateRows.name, () => {
  it('should turn children into rows with names, rates and suppression as the API sent them', () => {
    const rows = toRateRows(
      summary('region', [
        { unit: unit('district', 'isfara'), measures: measures({ expected: 4, held: 3, rate: 0.75 }, SUPPRESSED) },
        { unit: unit('district', 'konibodom'), measures: measures({ expected: 0, held: 0, rate: null }) },
      ]),
      new Map([['isfara', 'Isfara']]),
    );
    expect(rows.map((row) => [row.name, row.expected, row.held, row.rate, row.womenShare, row.drillable])).toEqual([
      ['Isfara', 4, 3, { kind: 'value', value: 0.75 }, { kind: 'suppressed' }, true],
      ['konibodom', 0, 0, { kind: 'empty' }, { kind: 'value', value: 0.4 }, true],
    ]);
  });

  it('should not offer communities for drill-down without the right to it', () => {
    const communities = [{ unit: unit('community', '6f1c1b2e-3c44-4d3a-9a53-0c8b8f0a1e11'), measures: measures({ expected: 1, held: 1, rate: 1 }) }];
    expect(toRateRows(summary('district', communities, false), new Map())[0].drillable).toBe(false);
    expect(toRateRows(summary('district', communities, true), new Map())[0].drillable).toBe(true);
  });

  it('should give the unit itself as the total line', () => {
    const total = totalRow(summary('region', []), new Map([['sughd', 'Sughd']]));
    expect([total.name, total.expected, total.held, total.rate]).toEqual(['Sughd', 10, 7, { kind: 'value', value: 0.7 }]);
  });
});

describe(toTrendPoints.name, () => {
  it('should chart percentages, leave suppressed quarters as gaps and name them', () => {
    const { points, suppressed } = toTrendPoints({
      unit: unit('region', 'sughd'),
      period: { from: '2026-Q3', to: '2026-Q4', quarters: ['2026-Q3', '2026-Q4'] },
      suppression: { threshold: 5, applied: true },
      asOf: null,
      points: [
        { quarter: '2026-Q3', measures: measures({ expected: 10, held: 5, rate: 0.5 }, SUPPRESSED, SUPPRESSED) },
        { quarter: '2026-Q4', measures: measures({ expected: 10, held: 9, rate: 0.9 }, cell(0.456), cell(4.2)) },
      ],
    });
    expect(points.map((p) => [p.quarter, p.rate, p.womenShare, p.trustAverage])).toEqual([
      ['2026-Q3', 50, null, null],
      ['2026-Q4', 90, 45.6, 4.2],
    ]);
    expect(suppressed).toEqual({ womenShare: ['2026-Q3'], trustAverage: ['2026-Q3'], usefulnessAverage: ['2026-Q3'] });
  });
});

describe(rateBand.name, () => {
  it('should band rates and have no band without a rate', () => {
    expect(rateBand({ kind: 'value', value: 0.95 })).toBe('good');
    expect(rateBand({ kind: 'value', value: 0.6 })).toBe('fair');
    expect(rateBand({ kind: 'value', value: 0.1 })).toBe('poor');
    expect(rateBand({ kind: 'empty' })).toBe('none');
    expect(rateBand({ kind: 'suppressed' })).toBe('none');
  });
});
