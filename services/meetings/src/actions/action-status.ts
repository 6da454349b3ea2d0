import type { ActionStatus } from '@rd/contracts';
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

/** Today as a calendar date (UTC), the way due dates are stored. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Overdue: the due date has passed and the action is still open or in progress. */
export function isOverdue(status: ActionStatus, dueDate: string, now: Date = new Date()): boolean {
  return isOpenAction(status) && dueDate < today(now);
}
