import { dateInZone } from '@rd/contracts';
import { checklistDueDate, checklistStepTiming } from './checklist-due';

const DUSHANBE = 'Asia/Dushanbe'; // UTC+5
const BISHKEK = 'Asia/Bishkek'; // UTC+6

describe('checklistDueDate', () => {
  const startsAt = new Date('2027-03-20T05:00:00Z'); // 10:00 in Dushanbe

  it('should count days before the meeting when the offset is negative', () => {
    expect(checklistDueDate(startsAt, -14, DUSHANBE)).toBe('2027-03-06');
    expect(checklistDueDate(startsAt, -10, DUSHANBE)).toBe('2027-03-10');
    expect(checklistDueDate(startsAt, -7, DUSHANBE)).toBe('2027-03-13');
    expect(checklistDueDate(startsAt, -5, DUSHANBE)).toBe('2027-03-15');
  });

  it('should count days after the meeting when the offset is positive', () => {
    expect(checklistDueDate(startsAt, 7, DUSHANBE)).toBe('2027-03-27');
  });

  it('should use the district calendar date of the start, not the UTC one', () => {
    // 23:30 UTC on 1 March is 05:30 on 2 March in Bishkek: "the day before" is 1 March there.
    expect(checklistDueDate(new Date('2027-03-01T23:30:00Z'), -1, BISHKEK)).toBe('2027-03-01');
    expect(checklistDueDate(new Date('2027-03-01T23:30:00Z'), -1, 'UTC')).toBe('2027-02-28');
    // Across a month and a year end.
    expect(checklistDueDate(new Date('2026-12-31T20:00:00Z'), 0, DUSHANBE)).toBe('2027-01-01');
  });
});

describe('checklistStepTiming', () => {
  const now = new Date('2027-03-10T12:00:00Z');
  const longAgo = new Date('2027-01-04T08:00:00Z');
  const isChecklistItemOverdue = (dueDate: string, done: boolean, at: Date, timeZone: string) =>
    checklistStepTiming(dueDate, done, { now: at, meetingCreatedAt: longAgo }, timeZone).overdue;

  it('should be overdue when not done and the due date has passed', () => {
    expect(isChecklistItemOverdue('2027-03-09', false, now, DUSHANBE)).toBe(true);
  });

  it('should not be overdue when due today', () => {
    expect(isChecklistItemOverdue('2027-03-10', false, now, DUSHANBE)).toBe(false);
  });

  it('should not be overdue when done', () => {
    expect(isChecklistItemOverdue('2027-03-01', true, now, DUSHANBE)).toBe(false);
  });

  it('should turn "today" at midnight in the district', () => {
    const lateEvening = new Date('2027-03-10T19:30:00Z'); // 00:30 on 11 March in Dushanbe
    expect(dateInZone(lateEvening, DUSHANBE)).toBe('2027-03-11');
    expect(isChecklistItemOverdue('2027-03-10', false, lateEvening, DUSHANBE)).toBe(true);
    expect(isChecklistItemOverdue('2027-03-10', false, lateEvening, 'UTC')).toBe(false);
  });

  it('should be a late start, not overdue, when the due date fell before the day the meeting was created', () => {
    const createdOn8March = new Date('2027-03-08T06:00:00Z');
    expect(checklistStepTiming('2027-03-06', false, { now, meetingCreatedAt: createdOn8March }, DUSHANBE)).toEqual({ lateStart: true, overdue: false });
    // Due on the day it was created: it could still be done that day, so it is overdue once that day has passed.
    expect(checklistStepTiming('2027-03-08', false, { now, meetingCreatedAt: createdOn8March }, DUSHANBE)).toEqual({ lateStart: false, overdue: true });
    expect(checklistStepTiming('2027-03-06', true, { now, meetingCreatedAt: createdOn8March }, DUSHANBE)).toEqual({ lateStart: false, overdue: false });
  });

  it("should take the day of creation on the district's calendar", () => {
    // 20:00 UTC on 7 March is 01:00 on 8 March in Dushanbe: a step due on 7 March was already late when created.
    const createdAfterMidnightInIsfara = new Date('2027-03-07T20:00:00Z');
    expect(checklistStepTiming('2027-03-07', false, { now, meetingCreatedAt: createdAfterMidnightInIsfara }, DUSHANBE).lateStart).toBe(true);
    expect(checklistStepTiming('2027-03-07', false, { now, meetingCreatedAt: createdAfterMidnightInIsfara }, 'UTC').lateStart).toBe(false);
  });
});
