/** Calendar fields of an instant as seen in an IANA time zone. */
function zonedParts(at: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * The quarter a meeting counts for: the calendar quarter of its start in the district's time zone, so a
 * meeting at 02:00 on 1 January in Dushanbe (21:00 UTC on 31 December) counts for Q1 of the new year.
 */
export function quarterOf(at: Date, timeZone: string): string {
  const { year, month } = zonedParts(at, timeZone);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** ISO 8601 local time with the zone's offset at that instant, e.g. `2026-12-01T10:00:00+05:00`. */
export function toZonedIso(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
