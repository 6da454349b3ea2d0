import type { NotificationSettingsInput, NotificationSettingsView } from '@rd/contracts';

/**
 * `"7, 1"` → [7, 1]: days as the form shows them, sorted from the largest, without duplicates. Returns the i18n
 * key of the problem for anything the gateway would refuse (not whole numbers 1..max, more than five).
 */
export function parseDays(text: string, max = 60): { days: number[] } | { problem: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.some((part) => !/^\d+$/.test(part))) return { problem: 'notifications.settings.wholeDays' };
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.some((day) => day < 1 || day > max)) return { problem: 'notifications.settings.dayRange' };
  if (days.length > 5) return { problem: 'notifications.settings.tooMany' };
  return { days };
}

export const formatDays = (days: readonly number[]) => days.join(', ');

/** PUT /notifications/settings/{district} takes exactly these three fields (strict). */
export function settingsBody(settings: Pick<NotificationSettingsView, keyof NotificationSettingsInput>): NotificationSettingsInput {
  return {
    reminderDaysBefore: [...settings.reminderDaysBefore],
    minutesChaseDaysAfter: [...settings.minutesChaseDaysAfter],
    quarterWarningDays: settings.quarterWarningDays,
  };
}
