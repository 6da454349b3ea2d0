const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Due date of a checklist step: the meeting's start date, as a UTC calendar date, plus `offsetDays`.
 * UTC rather than the district's zone keeps the rule one line; the districts are UTC+5/+6, so a step can
 * show as due up to a day early for meetings starting before 06:00 local time (see docs/adr/0009).
 */
export function checklistDueDate(meetingStartsAt: Date, offsetDays: number): string {
  const startDay = Date.UTC(meetingStartsAt.getUTCFullYear(), meetingStartsAt.getUTCMonth(), meetingStartsAt.getUTCDate());
  return new Date(startDay + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** Overdue: not ticked and the due date (UTC) is before today (UTC); a step due today is not yet overdue. */
export function isChecklistItemOverdue(dueDate: string, done: boolean, now: Date): boolean {
  return !done && dueDate < now.toISOString().slice(0, 10);
}
