import { TransitionActionInputSchema } from '@rd/contracts';
import { allowedActionTransitions, canTransitionAction, isOverdue } from './action-status';

describe('action status', () => {
  it('should go open → in-progress → done, and refer or drop from either open state', () => {
    expect(allowedActionTransitions('open')).toEqual(['in-progress', 'referred', 'dropped']);
    expect(allowedActionTransitions('in-progress')).toEqual(['done', 'referred', 'dropped']);
    expect(canTransitionAction('open', 'done')).toBe(false);
    for (const final of ['done', 'referred', 'dropped'] as const) expect(allowedActionTransitions(final)).toEqual([]);
  });

  it('should be overdue only when the due date has passed and the action is still open', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(isOverdue('open', '2026-11-23', now, 'UTC')).toBe(true);
    expect(isOverdue('in-progress', '2026-11-23', now, 'UTC')).toBe(true);
    expect(isOverdue('open', '2026-11-24', now, 'UTC')).toBe(false);
    for (const closed of ['done', 'referred', 'dropped'] as const) expect(isOverdue(closed, '2020-01-01', now, 'UTC')).toBe(false);
  });

  it("should count today on the district's calendar, not UTC's, around midnight", () => {
    // 19:30 UTC on the 23rd is 00:30 on the 24th in Dushanbe (UTC+5): an action due on the 23rd is overdue there.
    const afterMidnightInIsfara = new Date('2026-11-23T19:30:00Z');
    expect(isOverdue('open', '2026-11-23', afterMidnightInIsfara, 'Asia/Dushanbe')).toBe(true);
    expect(isOverdue('open', '2026-11-23', afterMidnightInIsfara, 'UTC')).toBe(false);
    // 18:30 UTC is 23:30 in Dushanbe: still the due day, not overdue.
    expect(isOverdue('open', '2026-11-23', new Date('2026-11-23T18:30:00Z'), 'Asia/Dushanbe')).toBe(false);
    // Behind UTC the district's day ends later: 02:00 UTC on the 24th is still the 23rd in New York.
    expect(isOverdue('open', '2026-11-23', new Date('2026-11-24T02:00:00Z'), 'America/New_York')).toBe(false);
  });

  it('should require a note to complete, an agency to refer and a reason to drop', () => {
    const fields = (input: unknown) => {
      const parsed = TransitionActionInputSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(fields({ to: 'done' })).toEqual(['note']);
    expect(fields({ to: 'done', note: 'Water schedule agreed with the jamoat' })).toEqual([]);
    expect(fields({ to: 'referred' })).toEqual(['referredTo']);
    expect(fields({ to: 'dropped' })).toEqual(['reason']);
    expect(fields({ to: 'open' })).toEqual(['to']);
  });
});
