import { parseQuarter, quarterFromIndex, quarterIndex } from '@rd/contracts';

/** Time zone assumed for a district no event has told us about (the platform default). */
export const DEFAULT_TIME_ZONE = 'Asia/Dushanbe';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function zonedParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The calendar quarter of an instant as seen in a time zone (the same rule as the meetings service). */
export function quarterOf(at: Date, timeZone: string): string {
  const { year, month } = zonedParts(at, timeZone);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The calendar quarter of an instant in UTC. */
export function utcQuarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** Offset of a zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a quarter starts (00:00 on its first day) in a time zone. */
export function quarterStart(quarter: string, timeZone: string): Date {
  const { year, q } = parseQuarter(quarter);
  const wall = Date.UTC(year, (q - 1) * 3, 1);
  // Two passes settle the offset even across a DST change near midnight.
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The instant a quarter ends (the next one starts) in a time zone. */
export function quarterEnd(quarter: string, timeZone: string): Date {
  return quarterStart(quarterFromIndex(quarterIndex(quarter) + 1), timeZone);
}

/** Start and end of a quarter in UTC, in ms. */
export function utcQuarterBounds(quarter: string): [number, number] {
  const { year, q } = parseQuarter(quarter);
  return [Date.UTC(year, (q - 1) * 3, 1), Date.UTC(year, q * 3, 1)];
}
