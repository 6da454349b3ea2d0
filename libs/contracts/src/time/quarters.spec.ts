import fc from 'fast-check';
import { QuarterSchema } from '../meetings/meeting.dto';
import {
  addQuarters,
  dateInZone,
  DEFAULT_TIME_ZONE,
  instantOnDate,
  parseQuarter,
  quarterEnd,
  quarterFromIndex,
  quarterIndex,
  quarterOf,
  quartersBetween,
  quarterStart,
  toZonedIso,
  wallClockAt,
} from './quarters';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Fixed offsets since 2005 (Tajikistan has had no DST since 1991, Kyrgyzstan since 2005): an oracle independent of Intl.
const FIXED_OFFSET_HOURS = { 'Asia/Dushanbe': 5, 'Asia/Bishkek': 6, UTC: 0 } as const;
const FIXED_ZONES = Object.keys(FIXED_OFFSET_HOURS) as (keyof typeof FIXED_OFFSET_HOURS)[];
const zone = fc.constantFrom(...FIXED_ZONES);
const anyZone = fc.constantFrom(...FIXED_ZONES, 'America/New_York', 'Europe/Berlin');
const quarter = fc.integer({ min: quarterIndex('2006-Q1'), max: quarterIndex('2099-Q4') }).map(quarterFromIndex);
const instant = fc.integer({ min: Date.UTC(2006, 0, 2), max: Date.UTC(2099, 11, 30) }).map((ms) => new Date(ms));
const pad = (n: number) => String(n).padStart(2, '0');

describe('quarters', () => {
  it('should default districts to Dushanbe time', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Dushanbe');
  });

  describe(quarterOf.name, () => {
    it.each([
      // Dushanbe is UTC+5 all year: 19:00 UTC on 31 Dec is already 1 Jan there.
      ['2026-12-31T19:00:00Z', 'Asia/Dushanbe', '2027-Q1'],
      ['2026-12-31T18:59:59Z', 'Asia/Dushanbe', '2026-Q4'],
      ['2026-03-31T19:00:00Z', 'Asia/Dushanbe', '2026-Q2'],
      ['2026-03-31T23:30:00Z', 'Asia/Dushanbe', '2026-Q2'],
      ['2026-03-31T23:30:00Z', 'UTC', '2026-Q1'],
      ['2026-06-30T18:59:59Z', 'Asia/Dushanbe', '2026-Q2'],
      ['2026-09-30T19:00:00Z', 'Asia/Dushanbe', '2026-Q4'],
      // Bishkek is UTC+6.
      ['2026-09-30T18:30:00Z', 'Asia/Bishkek', '2026-Q4'],
      ['2026-09-30T17:59:00Z', 'Asia/Bishkek', '2026-Q3'],
      // A zone west of UTC moves the other way.
      ['2027-01-01T02:00:00Z', 'America/New_York', '2026-Q4'],
      ['2026-07-01T00:00:00Z', 'UTC', '2026-Q3'],
    ])('should place %s in %s in %s', (at, timeZone, expected) => {
      expect(quarterOf(new Date(at), timeZone)).toBe(expected);
    });

    it('should change quarter exactly at local midnight on the first day of a quarter', () => {
      fc.assert(
        fc.property(quarter, zone, fc.integer({ min: -48 * 3600, max: 48 * 3600 }), (q, timeZone, seconds) => {
          const { year, q: n } = parseQuarter(q);
          const midnight = Date.UTC(year, (n - 1) * 3, 1) - FIXED_OFFSET_HOURS[timeZone] * HOUR;
          const at = new Date(midnight + seconds * 1000);
          expect(quarterOf(at, timeZone)).toBe(at.getTime() < midnight ? addQuarters(q, -1) : q);
        }),
      );
    });

    it('should agree with the zone-independent UTC reading', () => {
      fc.assert(
        fc.property(instant, (at) => {
          expect(quarterOf(at, 'UTC')).toBe(`${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`);
          expect(quarterOf(at, 'Etc/UTC')).toBe(quarterOf(at, 'UTC'));
        }),
      );
    });
  });

  describe('quarter bounds', () => {
    it('should start and end quarters at local midnight', () => {
      expect(quarterStart('2026-Q2', 'Asia/Dushanbe').toISOString()).toBe('2026-03-31T19:00:00.000Z');
      expect(quarterEnd('2026-Q1', 'Asia/Bishkek').toISOString()).toBe('2026-03-31T18:00:00.000Z');
      expect(quarterEnd('2026-Q4', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
      // Across a DST change (New York, March): the instant is still local midnight.
      expect(quarterStart('2026-Q2', 'America/New_York').toISOString()).toBe('2026-04-01T04:00:00.000Z');
    });

    it('should agree with quarterOf for every instant around a boundary', () => {
      fc.assert(
        fc.property(fc.integer({ min: -48 * 3600, max: 48 * 3600 }), anyZone, (offset, timeZone) => {
          const end = quarterEnd('2026-Q1', timeZone);
          const at = new Date(end.getTime() + offset * 1000);
          expect(quarterOf(at, timeZone)).toBe(at.getTime() < end.getTime() ? '2026-Q1' : '2026-Q2');
        }),
      );
    });

    it('should put every instant inside the bounds of its own quarter', () => {
      fc.assert(
        fc.property(instant, anyZone, (at, timeZone) => {
          const q = quarterOf(at, timeZone);
          expect(quarterStart(q, timeZone).getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime()).toBeLessThan(quarterEnd(q, timeZone).getTime());
        }),
      );
    });

    it('should start the next quarter where this one ends, at 00:00 on its first day', () => {
      fc.assert(
        fc.property(quarter, anyZone, (q, timeZone) => {
          const start = quarterStart(q, timeZone);
          const end = quarterEnd(q, timeZone);
          const { year, q: n } = parseQuarter(q);
          expect(end).toEqual(quarterStart(addQuarters(q, 1), timeZone));
          expect(wallClockAt(start, timeZone)).toEqual({ year, month: (n - 1) * 3 + 1, day: 1, hour: 0, minute: 0, second: 0 });
          expect(quarterOf(start, timeZone)).toBe(q);
          expect(quarterOf(new Date(start.getTime() - 1), timeZone)).toBe(addQuarters(q, -1));
          expect(quarterOf(new Date(end.getTime() - 1), timeZone)).toBe(q);
          expect(quarterOf(end, timeZone)).toBe(addQuarters(q, 1));
        }),
      );
    });

    it('should match the fixed offsets of Dushanbe, Bishkek and UTC', () => {
      fc.assert(
        fc.property(quarter, zone, (q, timeZone) => {
          const { year, q: n } = parseQuarter(q);
          expect(quarterStart(q, timeZone).getTime()).toBe(Date.UTC(year, (n - 1) * 3, 1) - FIXED_OFFSET_HOURS[timeZone] * HOUR);
        }),
      );
    });
  });

  describe(dateInZone.name, () => {
    it('should turn the date at local midnight, not at UTC midnight', () => {
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2006, 0, 2) / DAY, max: Date.UTC(2099, 11, 30) / DAY }), zone, fc.integer({ min: 1, max: DAY - 1 }), (days, timeZone, ms) => {
          const day = new Date(days * DAY);
          const label = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
          const midnight = days * DAY - FIXED_OFFSET_HOURS[timeZone] * HOUR;
          expect(dateInZone(new Date(midnight), timeZone)).toBe(label);
          expect(dateInZone(new Date(midnight + ms), timeZone)).toBe(label);
          expect(dateInZone(new Date(midnight - ms), timeZone) < label).toBe(true);
          expect(dateInZone(new Date(midnight - 1), timeZone)).toBe(new Date(midnight - 1 + FIXED_OFFSET_HOURS[timeZone] * HOUR).toISOString().slice(0, 10));
        }),
      );
    });

    it('should agree with the quarter of the same instant', () => {
      fc.assert(
        fc.property(instant, anyZone, (at, timeZone) => {
          const [year, month] = dateInZone(at, timeZone).split('-').map(Number);
          expect(quarterOf(at, timeZone)).toBe(`${year}-Q${Math.ceil(month / 3)}`);
        }),
      );
    });

    it('should read 23:30 UTC as the next day in Dushanbe and Bishkek', () => {
      expect(dateInZone(new Date('2026-12-31T23:30:00Z'), 'Asia/Dushanbe')).toBe('2027-01-01');
      expect(dateInZone(new Date('2026-12-31T23:30:00Z'), 'Asia/Bishkek')).toBe('2027-01-01');
      expect(dateInZone(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12-31');
    });
  });

  describe(toZonedIso.name, () => {
    it('should show the local time with the zone offset', () => {
      expect(toZonedIso(new Date('2026-12-31T20:00:00Z'), 'Asia/Dushanbe')).toBe('2027-01-01T01:00:00+05:00');
      expect(toZonedIso(new Date('2026-07-01T03:30:00Z'), 'Asia/Bishkek')).toBe('2026-07-01T09:30:00+06:00');
    });

    it('should follow daylight saving time', () => {
      expect(toZonedIso(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15T13:00:00+01:00');
      expect(toZonedIso(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-15T14:00:00+02:00');
      expect(toZonedIso(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe('2026-07-15T08:00:00-04:00');
    });

    it('should name the same instant, to the second, and the same day as dateInZone', () => {
      fc.assert(
        fc.property(instant, anyZone, (at, timeZone) => {
          const iso = toZonedIso(at, timeZone);
          expect(Date.parse(iso)).toBe(Math.floor(at.getTime() / 1000) * 1000);
          expect(iso.slice(0, 10)).toBe(dateInZone(at, timeZone));
        }),
      );
    });
  });

  describe('quarter labels', () => {
    it('should read back every label it writes', () => {
      fc.assert(
        fc.property(fc.integer({ min: quarterIndex('1000-Q1'), max: quarterIndex('9999-Q1') }), (index) => {
          const label = quarterFromIndex(index);
          expect(QuarterSchema.safeParse(label).success).toBe(true);
          expect(quarterIndex(label)).toBe(index);
          expect(quartersBetween(label, addQuarters(label, 3))).toHaveLength(4);
        }),
      );
    });

    // Fuzz case (apps/e2e/src/fuzz): POST /report-exports with quarter "0048-Q1" answered 500: the reporting service
    // computed the previous quarter as "47-Q4", which parseQuarter refused ("not a quarter: 47-Q4").
    it('keeps four-digit years when stepping back', () => {
      expect(addQuarters('0048-Q1', -1)).toBe('0047-Q4');
      expect(addQuarters('1000-Q1', -1)).toBe('0999-Q4');
      expect(quartersBetween('0999-Q4', '1000-Q1')).toEqual(['0999-Q4', '1000-Q1']);
    });

    it('accepts years 1000-9999 only', () => {
      expect(QuarterSchema.safeParse('0048-Q1').success).toBe(false);
      expect(QuarterSchema.safeParse('0000-Q1').success).toBe(false);
      expect(QuarterSchema.safeParse('1000-Q1').success).toBe(true);
      expect(QuarterSchema.safeParse('2026-Q4').success).toBe(true);
    });
  });

  describe('instantOnDate', () => {
    it('should give the hour of a day on the zone’s wall clock, and read back as that day there', () => {
      expect(instantOnDate('2024-01-01', 'Asia/Dushanbe').toISOString()).toBe('2023-12-31T19:00:00.000Z');
      expect(instantOnDate('2024-05-14', 'Asia/Bishkek', 12).toISOString()).toBe('2024-05-14T06:00:00.000Z');
      fc.assert(
        fc.property(instant, anyZone, fc.integer({ min: 0, max: 23 }), (at, timeZone, hour) => {
          const day = dateInZone(at, timeZone);
          const back = instantOnDate(day, timeZone, hour);
          expect(dateInZone(back, timeZone)).toBe(day);
        }),
      );
    });

    it('should refuse what is not a date', () => {
      expect(() => instantOnDate('2024-1-1', 'UTC')).toThrow('not a date');
    });
  });
});
