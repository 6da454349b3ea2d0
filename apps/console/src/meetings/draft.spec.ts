import { emptyCounts, toCount, totalOf } from './draft';

describe('attendance counts', () => {
  it('should read typed counts as whole non-negative numbers', () => {
    expect([toCount(''), toCount('12'), toCount('-3'), toCount('4.7'), toCount('x')]).toEqual([0, 12, 0, 4, 0]);
  });

  it('should total the gender × age grid', () => {
    const counts = emptyCounts();
    counts.women.under18 = 3;
    counts.men.from60 = 4;
    expect(totalOf(counts)).toBe(7);
  });
});
