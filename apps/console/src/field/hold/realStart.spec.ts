import { realStart } from './realStart';

describe(realStart.name, () => {
  it("should read the time on the district's wall clock, whatever the phone's zone", () => {
    // 10:05 in Dushanbe (UTC+5) on 1 December is 05:05 UTC; the UTC day is the same.
    expect(realStart('10:05', 'Asia/Dushanbe', new Date('2026-12-01T06:00:00Z'))).toBe('2026-12-01T05:05:00.000Z');
    // At 23:30 UTC it is already 2 December in Bishkek (UTC+6): the date is the district's.
    expect(realStart('05:10', 'Asia/Bishkek', new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01T23:10:00.000Z');
  });

  it('should give nothing for a time that is not HH:MM', () => {
    expect(realStart('', 'Asia/Dushanbe')).toBeNull();
    expect(realStart('9:5', 'Asia/Dushanbe')).toBeNull();
  });
});
