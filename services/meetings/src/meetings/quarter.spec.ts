import { quarterOf, toZonedIso } from './quarter';

describe('quarterOf', () => {
  it.each([
    // Dushanbe is UTC+5 all year: 19:00 UTC on 31 Dec is already 1 Jan there.
    ['2026-12-31T19:00:00Z', 'Asia/Dushanbe', '2027-Q1'],
    ['2026-12-31T18:59:59Z', 'Asia/Dushanbe', '2026-Q4'],
    ['2026-03-31T19:00:00Z', 'Asia/Dushanbe', '2026-Q2'],
    ['2026-06-30T18:59:59Z', 'Asia/Dushanbe', '2026-Q2'],
    ['2026-09-30T19:00:00Z', 'Asia/Dushanbe', '2026-Q4'],
    // Bishkek is UTC+6.
    ['2026-09-30T18:30:00Z', 'Asia/Bishkek', '2026-Q4'],
    ['2026-09-30T17:59:00Z', 'Asia/Bishkek', '2026-Q3'],
    // A zone west of UTC moves the other way.
    ['2027-01-01T02:00:00Z', 'America/New_York', '2026-Q4'],
    ['2026-07-01T00:00:00Z', 'UTC', '2026-Q3'],
  ])('should place %s in %s in %s', (at, zone, quarter) => {
    expect(quarterOf(new Date(at), zone)).toBe(quarter);
  });
});

describe('toZonedIso', () => {
  it('should show the local time with the zone offset', () => {
    expect(toZonedIso(new Date('2026-12-31T20:00:00Z'), 'Asia/Dushanbe')).toBe('2027-01-01T01:00:00+05:00');
    expect(toZonedIso(new Date('2026-07-01T03:30:00Z'), 'Asia/Bishkek')).toBe('2026-07-01T09:30:00+06:00');
  });

  it('should follow daylight saving time', () => {
    expect(toZonedIso(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15T13:00:00+01:00');
    expect(toZonedIso(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-15T14:00:00+02:00');
    expect(toZonedIso(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe('2026-07-15T08:00:00-04:00');
  });
});
