import { barPercent, FEW_POINTS, trendLook } from './charts';

const quarters = (values: (number | null)[]) => values.map((rate, index) => ({ quarter: `2026-Q${(index % 4) + 1}`, rate, onTime: rate }));

describe(trendLook.name, () => {
  it('should label the points of a one- or two-quarter trend and keep them clear of the edges', () => {
    for (const points of [quarters([80]), quarters([80, 90])]) {
      const look = trendLook(points, ['rate', 'onTime']);
      expect(look).toMatchObject({ empty: false, labelled: true, dotRadius: 5 });
      expect(look.edgePadding).toBeGreaterThanOrEqual(48);
    }
  });

  it(`should label up to ${FEW_POINTS} quarters, and a longer trend with values in at most two of them`, () => {
    expect(trendLook(quarters([1, 2, 3, 4]), ['rate']).labelled).toBe(true);
    expect(trendLook(quarters([1, 2, 3, 4, 5]), ['rate']).labelled).toBe(false);
    expect(trendLook(quarters([null, 2, null, null, null, 6, null, null]), ['rate']).labelled).toBe(true);
    expect(trendLook(quarters([1, 2, 3, 4, 5]), ['rate']).dotRadius).toBe(3);
  });

  it('should call a trend without any value empty, not draw empty axes', () => {
    expect(trendLook(quarters([null, null]), ['rate', 'onTime'])).toMatchObject({ empty: true, labelled: false });
    expect(trendLook([], ['rate'])).toMatchObject({ empty: true });
  });
});

describe(barPercent.name, () => {
  it('should scale bars to the longest, with a sliver for a small value and nothing for zero', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(0.001, 10)).toBe(1);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
    expect(barPercent(1, 1)).toBe(100);
  });
});
