import { dateInZone } from '@rd/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Due date of a checklist step: the meeting's start date in the district's time zone plus `offsetDays`, so a
 * meeting at 05:00 in Isfara is due-dated by Isfara's calendar, not by the UTC day before (docs/adr/0009).
 */
export function checklistDueDate(meetingStartsAt: Date, offsetDays: number, timeZone: string): string {
  const startDay = Date.parse(`${dateInZone(meetingStartsAt, timeZone)}T00:00:00Z`);
  return new Date(startDay + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** Overdue: not ticked and the due date is before today in the district; a step due today is not yet overdue. */
export function isChecklistItemOverdue(dueDate: string, done: boolean, now: Date, timeZone: string): boolean {
  return !done && dueDate < dateInZone(now, timeZone);
}
