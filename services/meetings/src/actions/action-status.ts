import { dateInZone, type ActionStatus } from '@rd/contracts';
import { isOpenAction } from '../concerns/concern-rules';

/** `open → in-progress → done`; `referred` and `dropped` from either open state; the last three are final. */
const NEXT: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  open: ['in-progress', 'referred', 'dropped'],
  'in-progress': ['done', 'referred', 'dropped'],
  done: [],
  referred: [],
  dropped: [],
};

export function allowedActionTransitions(from: ActionStatus): readonly ActionStatus[] {
  return NEXT[from];
}

export function canTransitionAction(from: ActionStatus, to: ActionStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Overdue: still open or in progress and the due date is before today on the district's calendar (`timeZone`, the
 * meeting's), as checklist steps are; an action due today is not yet overdue.
 */
export function isOverdue(status: ActionStatus, dueDate: string, now: Date, timeZone: string): boolean {
  return isOpenAction(status) && dueDate < dateInZone(now, timeZone);
}
