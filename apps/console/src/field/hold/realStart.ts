import { utcToZonedLocal, zonedLocalToUtc } from '../../meetings/timeZone';

/**
 * The real start as the transition takes it: today's date and the time typed, both on the district's wall clock
 * (the phone's own zone may differ), as a UTC instant. Null when the time is not HH:MM.
 */
export function realStart(time: string, timeZone: string, now = new Date()): string | null {
  if (!/^\d{2}:\d{2}$/.test(time)) return null;
  const today = utcToZonedLocal(now.toISOString(), timeZone).slice(0, 10);
  return zonedLocalToUtc(`${today}T${time}`, timeZone);
}
