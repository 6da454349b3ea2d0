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
    expect(isOverdue('open', '2026-11-23', now)).toBe(true);
    expect(isOverdue('in-progress', '2026-11-23', now)).toBe(true);
    expect(isOverdue('open', '2026-11-24', now)).toBe(false);
    for (const closed of ['done', 'referred', 'dropped'] as const) expect(isOverdue(closed, '2020-01-01', now)).toBe(false);
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
