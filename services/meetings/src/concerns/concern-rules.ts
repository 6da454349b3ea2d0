import type { ConcernAccessFacts } from '@rd/auth-core';
import type { ActionStatus } from '@rd/contracts';

/** Statuses after which an action needs nothing more. */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'referred', 'dropped'];

export function isOpenAction(status: ActionStatus): boolean {
  return !CLOSED_ACTION_STATUSES.includes(status);
}

/**
 * A concern is resolved when all its actions are done, or when none is needed. Dropped actions do not count
 * either way; a referred action hands the matter to another agency, so it is not "done" here.
 */
export function isConcernResolved(followUpNeeded: boolean, actionStatuses: readonly ActionStatus[]): boolean {
  const counted = actionStatuses.filter((status) => status !== 'dropped');
  if (counted.length === 0) return !followUpNeeded;
  return counted.every((status) => status === 'done');
}

/** The facts `canReadConcern` decides on. */
export function accessFactsOf(concern: {
  districtCode: string;
  regionCode: string;
  sensitivity: ConcernAccessFacts['sensitivity'];
  handlerIds: readonly string[];
  provisionalHandlerIds?: readonly string[];
}): ConcernAccessFacts {
  return {
    districtCode: concern.districtCode,
    regionCode: concern.regionCode,
    sensitivity: concern.sensitivity,
    handlerIds: concern.handlerIds,
    provisionalHandlerIds: concern.provisionalHandlerIds ?? [],
  };
}
