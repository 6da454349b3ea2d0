import { DEFAULT_TIME_ZONE, quarterOf } from '@rd/contracts';
import { periodLabel, periodProblem, presetOf, presetPeriod, quarterChoices, withFrom, withTo } from './period';

describe(quarterOf.name, () => {
  it('should take the quarter in Dushanbe time, not UTC, at a quarter boundary', () => {
    // 31 March 22:00 UTC is 1 April 03:00 in Dushanbe (UTC+5).
    expect(quarterOf(new Date('2026-03-31T22:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-03-31T22:00:00Z'), 'UTC')).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-12-31T12:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-Q4');
  });
});

describe(presetPeriod.name, () => {
  it('should turn presets into periods relative to the current quarter', () => {
    expect(presetPeriod('this-quarter', '2026-Q4')).toEqual({ from: '2026-Q4', to: '2026-Q4' });
    expect(presetPeriod('last-quarter', '2026-Q1')).toEqual({ from: '2025-Q4', to: '2025-Q4' });
    expect(presetPeriod('last-4', '2026-Q2')).toEqual({ from: '2025-Q3', to: '2026-Q2' });
    expect(presetPeriod('last-8', '2026-Q4')).toEqual({ from: '2025-Q1', to: '2026-Q4' });
    expect(presetPeriod('this-year', '2026-Q3')).toEqual({ from: '2026-Q1', to: '2026-Q3' });
  });

  it('should recognise the preset of a period, and none for a hand-picked range', () => {
    expect(presetOf({ from: '2025-Q3', to: '2026-Q2' }, '2026-Q2')).toBe('last-4');
    expect(presetOf({ from: '2024-Q2', to: '2025-Q1' }, '2026-Q2')).toBeUndefined();
  });
});

describe(periodProblem.name, () => {
  it('should accept a range and refuse reversed, too long or malformed ones', () => {
    expect(periodProblem({ from: '2026-Q1', to: '2026-Q4' })).toBeNull();
    expect(periodProblem({ from: '2026-Q3', to: '2026-Q1' })).toBe('reporting.period.toBeforeFrom');
    expect(periodProblem({ from: '2010-Q1', to: '2026-Q4' })).toBe('reporting.period.tooLong');
    expect(periodProblem({ from: '2026-Q5', to: '2026-Q4' })).toBe('reporting.period.invalid');
  });

  it('should keep the range ordered when one end moves past the other', () => {
    expect(withFrom({ from: '2026-Q1', to: '2026-Q2' }, '2026-Q3')).toEqual({ from: '2026-Q3', to: '2026-Q3' });
    expect(withFrom({ from: '2026-Q1', to: '2026-Q4' }, '2026-Q2')).toEqual({ from: '2026-Q2', to: '2026-Q4' });
    expect(withTo({ from: '2026-Q3', to: '2026-Q4' }, '2026-Q1')).toEqual({ from: '2026-Q1', to: '2026-Q1' });
  });
});

describe(quarterChoices.name, () => {
  it('should list quarters newest first across years', () => {
    expect(quarterChoices('2026-Q2', 4)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']);
  });

  it('should label one quarter and a range', () => {
    expect(periodLabel({ from: '2026-Q4', to: '2026-Q4' })).toBe('2026-Q4');
    expect(periodLabel({ from: '2026-Q1', to: '2026-Q4' })).toBe('2026-Q1 – 2026-Q4');
  });
});
