import { checklistDueDate, isChecklistItemOverdue } from './checklist-due';

describe('checklistDueDate', () => {
  const startsAt = new Date('2027-03-20T05:00:00Z');

  it('should count days before the meeting when the offset is negative', () => {
    expect(checklistDueDate(startsAt, -14)).toBe('2027-03-06');
    expect(checklistDueDate(startsAt, -10)).toBe('2027-03-10');
    expect(checklistDueDate(startsAt, -7)).toBe('2027-03-13');
    expect(checklistDueDate(startsAt, -5)).toBe('2027-03-15');
  });

  it('should count days after the meeting when the offset is positive', () => {
    expect(checklistDueDate(startsAt, 7)).toBe('2027-03-27');
  });

  it('should use the UTC calendar date of the start when the meeting starts late in the UTC day', () => {
    expect(checklistDueDate(new Date('2027-03-01T23:30:00Z'), -1)).toBe('2027-02-28');
  });
});

describe('isChecklistItemOverdue', () => {
  const now = new Date('2027-03-10T12:00:00Z');

  it('should be overdue when not done and the due date has passed', () => {
    expect(isChecklistItemOverdue('2027-03-09', false, now)).toBe(true);
  });

  it('should not be overdue when due today', () => {
    expect(isChecklistItemOverdue('2027-03-10', false, now)).toBe(false);
  });

  it('should not be overdue when done', () => {
    expect(isChecklistItemOverdue('2027-03-01', true, now)).toBe(false);
  });
});
