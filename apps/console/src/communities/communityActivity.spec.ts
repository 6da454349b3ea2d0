import type { ReportTimeSeries } from '@rd/contracts';
import { concernCounts, rateHistory, rateWindow } from './communityActivity';

type Rate = ReportTimeSeries['points'][number]['measures']['reportingRate'];
const point = (quarter: string, rate: Partial<Rate>) =>
  ({
    quarter,
    measures: {
      reportingRate: { expected: 1, held: 0, heldOnTime: 0, overdue: 0, notScheduled: 0, rate: null, onTimeRate: null, meetingsHeld: 0, meetingsCancelled: 0, ...rate },
    },
  }) as ReportTimeSeries['points'][number];

describe(rateWindow.name, () => {
  it('should span the last eight quarters ending with the current one, across years', () => {
    expect(rateWindow('2026-Q4')).toEqual({ from: '2025-Q1', to: '2026-Q4' });
    expect(rateWindow('2026-Q1', 2)).toEqual({ from: '2025-Q4', to: '2026-Q1' });
  });
});

describe(rateHistory.name, () => {
  it('should say per quarter, newest first, whether a reporting day was held, held late, missed, due or not expected', () => {
    const history = rateHistory({
      points: [
        point('2026-Q1', { expected: 0 }),
        point('2026-Q2', { held: 1, heldOnTime: 1, meetingsHeld: 2 }),
        point('2026-Q3', { held: 1, heldOnTime: 0, meetingsHeld: 1 }),
        point('2026-Q4', { overdue: 0 }),
      ],
    });
    expect(history.rows).toEqual([
      { quarter: '2026-Q4', state: 'due', meetingsHeld: 0 },
      { quarter: '2026-Q3', state: 'held-late', meetingsHeld: 1 },
      { quarter: '2026-Q2', state: 'held', meetingsHeld: 2 },
      { quarter: '2026-Q1', state: 'not-expected', meetingsHeld: 0 },
    ]);
    expect(history).toMatchObject({ expected: 3, held: 2 });
    expect(history.rate).toBeCloseTo(2 / 3);
  });

  it('should call an expected quarter that is over without a day held missed, and have no rate when nothing was expected', () => {
    expect(rateHistory({ points: [point('2025-Q4', { overdue: 1, notScheduled: 1 })] }).rows[0].state).toBe('missed');
    expect(rateHistory({ points: [point('2025-Q4', { expected: 0 })] }).rate).toBeNull();
    expect(rateHistory(undefined)).toEqual({ rows: [], expected: 0, held: 0, rate: null });
  });
});

describe(concernCounts.name, () => {
  it('should total what the reader may not read', () => {
    expect(concernCounts(2, { public: 0, restricted: 1, confidential: 3 })).toEqual({ open: 2, hidden: { public: 0, restricted: 1, confidential: 3 }, hiddenTotal: 4 });
  });
});
