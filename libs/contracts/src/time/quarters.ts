/**
 * Quarters and district time zones: the one place that says which quarter an instant counts for, where a
 * quarter starts and ends, and what day it is in a district. A meeting counts for the calendar quarter of its
 * start on the district's wall clock (`DistrictView.timeZone`), so 02:00 on 1 January in Dushanbe (21:00 UTC on
 * 31 December) counts for Q1 of the new year. Plain `Intl`, no date library.
 */

/** The zone a district is in unless its record says otherwise (the form's default, and the zone assumed for a district not yet heard of). */
export const DEFAULT_TIME_ZONE = 'Asia/Dushanbe';

/** Calendar fields of an instant on a zone's wall clock (`month` 1-12, `hour` 0-23). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at an instant (a `Date` or epoch milliseconds). Throws a RangeError for an unknown zone. */
export function wallClockAt(at: Date | number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormatter(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  // `% 24`: some engines have printed midnight as hour 24 of the same day.
  return { year: parts.year ?? NaN, month: parts.month ?? NaN, day: parts.day ?? NaN, hour: (parts.hour ?? NaN) % 24, minute: parts.minute ?? NaN, second: parts.second ?? NaN };
}

/** A wall-clock reading as if it were UTC, in epoch milliseconds (the offset arithmetic's other half). */
export const wallClockAsUtc = (clock: WallClock): number => Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

/** Offset of `timeZone` from UTC at an instant, in milliseconds (east positive), to the second the zone database gives. */
export function offsetMs(at: Date | number, timeZone: string): number {
  const whole = Math.floor(Number(at) / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(whole, timeZone)) - whole;
}

/** Offset of `timeZone` from UTC at an instant, in whole minutes (east positive: Dushanbe +300). */
export function offsetMinutes(at: Date | number, timeZone: string): number {
  return Math.round(offsetMs(at, timeZone) / 60_000);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

// ---- quarter labels -------------------------------------------------------------------------------------

/** `2026-Q4` → { year: 2026, q: 4 }. */
export function parseQuarter(quarter: string): { year: number; q: number } {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  return { year: Number(match[1]), q: Number(match[2]) };
}

/** Quarters as consecutive integers (year × 4 + q − 1), for arithmetic and ordering. */
export function quarterIndex(quarter: string): number {
  const { year, q } = parseQuarter(quarter);
  return year * 4 + q - 1;
}

export function quarterFromIndex(index: number): string {
  // Four-digit year, as parseQuarter reads it back: the quarter before `1000-Q1` is `0999-Q4`, not `999-Q4`.
  return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
}

export function addQuarters(quarter: string, n: number): string {
  return quarterFromIndex(quarterIndex(quarter) + n);
}

/** Every quarter from `from` to `to`, both included, oldest first. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i += 1) out.push(quarterFromIndex(i));
  return out;
}

// ---- quarters and days in a zone ------------------------------------------------------------------------

/** The calendar quarter (`2026-Q2`) of an instant on the wall clock of `timeZone`: the quarter a meeting starting then counts for. */
export function quarterOf(at: Date, timeZone: string): string {
  // UTC (the reporting horizon, compliance bounds) without Intl: it runs once per community-quarter.
  const { year, month } = timeZone === 'UTC' ? { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 } : wallClockAt(at, timeZone);
  return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The instant a quarter starts in `timeZone`: 00:00 on its first day there. */
export function quarterStart(quarter: string, timeZone: string): Date {
  const { year, q } = parseQuarter(quarter);
  return instantOfWallClock(Date.UTC(year, (q - 1) * 3, 1), timeZone);
}

/** The instant a wall-clock reading (given as if it were UTC, epoch ms) happens in `timeZone`. */
function instantOfWallClock(wall: number, timeZone: string): Date {
  if (timeZone === 'UTC') return new Date(wall);
  // Two passes settle the offset even across a DST change near midnight.
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return new Date(guess);
}

/**
 * The instant of `hour`:00 on a calendar date (`YYYY-MM-DD`) in `timeZone`: 00:00 is when a backdated change took
 * effect there, 12:00 stands for a reporting day whose hour nobody recorded.
 */
export function instantOnDate(date: string, timeZone: string, hour = 0): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return instantOfWallClock(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour), timeZone);
}

/** The instant a quarter ends in `timeZone`, which is when the next one starts (exclusive end). */
export function quarterEnd(quarter: string, timeZone: string): Date {
  return quarterStart(addQuarters(quarter, 1), timeZone);
}

/** The calendar date (`YYYY-MM-DD`) of an instant on the wall clock of `timeZone`: the district's "today". */
export function dateInZone(at: Date, timeZone: string): string {
  const { year, month, day } = wallClockAt(at, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO 8601 local time with the zone's offset at that instant, e.g. `2026-12-01T10:00:00+05:00`. */
export function toZonedIso(at: Date, timeZone: string): string {
  const clock = wallClockAt(at, timeZone);
  const minutes = offsetMinutes(at, timeZone);
  const abs = Math.abs(minutes);
  return (
    `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}` +
    `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
