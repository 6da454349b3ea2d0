/** Injection token of the parsed NotificationsConfig. */
export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

/** Exponential backoff with ±20 % jitter, capped at an hour: base, 2·base, 4·base, … */
export function backoffMs(baseMs: number, attempt: number, random = Math.random()): number {
  const raw = Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random));
}
