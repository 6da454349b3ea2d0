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

/** How an unticked step stands on the district's calendar. */
export interface ChecklistStepTiming {
  /** Its due date fell before the day the meeting was created: it could never be done on time. */
  lateStart: boolean;
  /** Its due date is before today and it is not a late start; a step due today is not yet overdue. */
  overdue: boolean;
}

/**
 * A step due before the meeting existed (planned less than two weeks ahead, say) is a late start, not overdue:
 * "overdue" blames someone for what nobody could have done on time.
 */
export function checklistStepTiming(dueDate: string, done: boolean, at: { now: Date; meetingCreatedAt: Date }, timeZone: string): ChecklistStepTiming {
  const lateStart = !done && dueDate < dateInZone(at.meetingCreatedAt, timeZone);
  return { lateStart, overdue: !done && !lateStart && dueDate < dateInZone(at.now, timeZone) };
}
