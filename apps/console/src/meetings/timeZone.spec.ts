import { quarterOf } from '@rd/contracts';
import { formatInZone, offsetLabel, utcToZonedLocal, zoneLabel, zonedLocalToUtc } from './timeZone';

describe('meeting times in the district time zone', () => {
  describe('Asia/Dushanbe (UTC+5 all year, no DST)', () => {
    const zone = 'Asia/Dushanbe';

    it('should convert an entered wall-clock time to UTC, summer and winter alike', () => {
      expect(zonedLocalToUtc('2026-12-01T10:00', zone)).toBe('2026-12-01T05:00:00.000Z');
      expect(zonedLocalToUtc('2026-07-01T10:00', zone)).toBe('2026-07-01T05:00:00.000Z');
    });

    it('should show a UTC instant back on the district wall clock', () => {
      expect(utcToZonedLocal('2026-12-01T05:00:00.000Z', zone)).toBe('2026-12-01T10:00');
      expect(utcToZonedLocal(zonedLocalToUtc('2026-03-29T02:30', zone) ?? '', zone)).toBe('2026-03-29T02:30');
    });

    it('should cross the date line of UTC: early morning in Dushanbe is the day before in UTC', () => {
      expect(zonedLocalToUtc('2026-06-15T03:00', zone)).toBe('2026-06-14T22:00:00.000Z');
    });

    it('should count the quarter in the district, not in UTC', () => {
      // 1 April 01:00 in Dushanbe is still 31 March in UTC: the meeting counts for Q2.
      const utc = zonedLocalToUtc('2026-04-01T01:00', zone) ?? '';
      expect(utc).toBe('2026-03-31T20:00:00.000Z');
      expect(quarterOf(new Date(utc), zone)).toBe('2026-Q2');
      // 31 December 23:30 in Dushanbe is Q4 of that year; 1 January 00:30 is Q1 of the next.
      expect(quarterOf(new Date(zonedLocalToUtc('2026-12-31T23:30', zone) ?? ''), zone)).toBe('2026-Q4');
      expect(quarterOf(new Date(zonedLocalToUtc('2027-01-01T00:30', zone) ?? ''), zone)).toBe('2027-Q1');
      expect(quarterOf(new Date('2026-12-31T19:00:00.000Z'), zone)).toBe('2027-Q1');
      expect(quarterOf(new Date('2026-06-30T18:59:00.000Z'), zone)).toBe('2026-Q2');
      expect(quarterOf(new Date('2026-06-30T19:00:00.000Z'), zone)).toBe('2026-Q3');
    });

    it('should label the zone with its offset', () => {
      expect(offsetLabel(Date.parse('2026-01-01T00:00:00Z'), zone)).toBe('UTC+05:00');
      expect(zoneLabel('2026-07-01T00:00:00Z', zone)).toBe('Asia/Dushanbe, UTC+05:00');
    });

    it('should format for display on the district wall clock', () => {
      expect(formatInZone('2026-12-01T05:00:00.000Z', zone, 'en')).toBe('1 Dec 2026, 10:00');
    });
  });

  describe('Asia/Bishkek (UTC+6, no DST)', () => {
    it('should convert with its own offset', () => {
      expect(zonedLocalToUtc('2026-12-01T10:00', 'Asia/Bishkek')).toBe('2026-12-01T04:00:00.000Z');
    });
  });

  describe('Europe/Berlin (DST: UTC+1 in winter, UTC+2 in summer)', () => {
    const zone = 'Europe/Berlin';

    it('should use the offset in force on that date', () => {
      expect(zonedLocalToUtc('2026-01-15T10:00', zone)).toBe('2026-01-15T09:00:00.000Z');
      expect(zonedLocalToUtc('2026-07-15T10:00', zone)).toBe('2026-07-15T08:00:00.000Z');
      expect(offsetLabel(Date.parse('2026-01-15T09:00:00Z'), zone)).toBe('UTC+01:00');
      expect(offsetLabel(Date.parse('2026-07-15T08:00:00Z'), zone)).toBe('UTC+02:00');
    });

    it('should move a time skipped when clocks go forward past the gap', () => {
      // 29 March 2026: 02:00 → 03:00. 02:30 does not exist; it is read as 03:30 CEST.
      const utc = zonedLocalToUtc('2026-03-29T02:30', zone) ?? '';
      expect(utc).toBe('2026-03-29T01:30:00.000Z');
      expect(utcToZonedLocal(utc, zone)).toBe('2026-03-29T03:30');
    });

    it('should take the earlier of a time that occurs twice when clocks go back', () => {
      // 25 October 2026: 03:00 → 02:00. 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
      expect(zonedLocalToUtc('2026-10-25T02:30', zone)).toBe('2026-10-25T00:30:00.000Z');
    });

    it('should keep quarter boundaries on the wall clock in summer time', () => {
      // 1 July 00:30 CEST is 30 June 22:30 UTC.
      const utc = zonedLocalToUtc('2026-07-01T00:30', zone) ?? '';
      expect(utc).toBe('2026-06-30T22:30:00.000Z');
      expect(quarterOf(new Date(utc), zone)).toBe('2026-Q3');
      expect(utcToZonedLocal(utc, zone)).toBe('2026-07-01T00:30');
    });
  });

  it('should refuse text that is not a datetime-local value or not a date', () => {
    expect(zonedLocalToUtc('', 'Asia/Dushanbe')).toBeNull();
    expect(zonedLocalToUtc('tomorrow', 'Asia/Dushanbe')).toBeNull();
    expect(zonedLocalToUtc('2026-02-30T10:00', 'Asia/Dushanbe')).toBeNull();
    expect(zonedLocalToUtc('2026-02-10T25:00', 'Asia/Dushanbe')).toBeNull();
  });

  it('should not depend on the zone of the device', () => {
    // The runner's own zone plays no part: the same input gives the same instant in every process.
    expect(zonedLocalToUtc('2026-11-24T09:15', 'Asia/Dushanbe')).toBe(new Date(Date.UTC(2026, 10, 24, 4, 15)).toISOString());
  });
});
