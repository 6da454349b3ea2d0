import { dateInZone } from '@rd/contracts';
import { checklistDueDate, isChecklistItemOverdue } from './checklist-due';

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

describe('isChecklistItemOverdue', () => {
  const now = new Date('2027-03-10T12:00:00Z');

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
});
