/**
 * Meeting times live in UTC at the API and are read and entered in the DISTRICT's time zone (the district
 * record's `timeZone`), whatever zone the tablet is set to. Pure functions on Intl; no date library. The wall clock,
 * offsets and quarters come from `@rd/contracts`, as the services compute them.
 */
import { offsetMinutes, wallClockAsUtc, wallClockAt } from '@rd/contracts';
import { formatDate } from '../i18n/dates';

/** `UTC+05:00`, `UTC−03:30`, `UTC` for zero. */
export function offsetLabel(epochMs: number, timeZone: string): string {
  const minutes = offsetMinutes(epochMs, timeZone);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `2026-12-01T10:00` (a datetime-local value) read as a wall-clock time in `timeZone` → the UTC instant as ISO
 * 8601. A time skipped by a DST change moves forward by the gap (02:30 on a spring-forward night → 03:30); a
 * time that occurs twice takes the earlier instant. Null when the text is not a datetime-local value.
 */
export function zonedLocalToUtc(local: string, timeZone: string): string | null {
  const match = LOCAL_INPUT.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset before and after the wall-clock time: the earlier reading of an ambiguous time is the one
  // with the larger offset; a skipped time takes the offset from before the gap.
  const before = offsetMinutes(asUtc - 86_400_000 / 2, timeZone);
  const after = offsetMinutes(asUtc + 86_400_000 / 2, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => wallClockAsUtc(wallClockAt(instant, timeZone)) === asUtc)
    .sort((a, b) => a - b);
  const instant = candidates[0] ?? asUtc - before * 60_000;
  return new Date(instant).toISOString();
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The UTC instant `iso` as a datetime-local value (`2026-12-01T10:00`) on the wall clock of `timeZone`. */
export function utcToZonedLocal(iso: string, timeZone: string): string {
  const clock = wallClockAt(Date.parse(iso), timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** `1 Dec 2026, 10:00` in the user's language, on the wall clock of `timeZone`. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  return formatDate(iso, locale, { time: true, timeZone });
}

/** `Asia/Dushanbe, UTC+05:00`: the zone label shown next to every meeting time. */
export function zoneLabel(iso: string | number, timeZone: string): string {
  const epochMs = typeof iso === 'number' ? iso : Date.parse(iso);
  return `${timeZone}, ${offsetLabel(Number.isNaN(epochMs) ? Date.now() : epochMs, timeZone)}`;
}
