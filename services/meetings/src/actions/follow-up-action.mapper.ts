import type { ActionAssignedEvtV1, ActionStatus, ActionStatusChangedEvtV1, ActionView, DataOf } from '@rd/contracts';
import { allowedActionTransitions, isOverdue } from './action-status';
import type { FollowUpAction } from './follow-up-action.entity';

// The pg driver may hand back a Date for a `date` column.
export function dateOnly(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * An action for a reader of its concern; it carries the concern's topic and sensitivity, never its text. `timeZone`
 * is its meeting's (the district's): "overdue" follows that calendar.
 */
export function toActionView(action: FollowUpAction, now: Date, timeZone: string): ActionView {
  return {
    id: action.id,
    concernId: action.concern.id,
    meetingId: action.concern.meetingId,
    districtCode: action.concern.districtCode,
    regionCode: action.concern.regionCode,
    concernTopic: action.concern.topic,
    concernSensitivity: action.concern.sensitivity,
    ownerOrganisationId: action.ownerOrganisationId,
    ownerContactId: action.ownerContactId,
    description: action.description,
    dueDate: dateOnly(action.dueDate),
    status: action.status,
    overdue: isOverdue(action.status, dateOnly(action.dueDate), now, timeZone),
    allowedTransitions: [...allowedActionTransitions(action.status)],
    note: action.note,
    referredTo: action.referredTo,
    reason: action.reason,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
  };
}

function about(action: FollowUpAction) {
  return {
    actionId: action.id,
    concernId: action.concern.id,
    meetingId: action.concern.meetingId,
    districtCode: action.concern.districtCode,
    regionCode: action.concern.regionCode,
    topic: action.concern.topic,
    sensitivity: action.concern.sensitivity,
  };
}

export function actionAssignedPayload(action: FollowUpAction, now: Date): DataOf<typeof ActionAssignedEvtV1> {
  return { ...about(action), ownerOrganisationId: action.ownerOrganisationId, dueDate: dateOnly(action.dueDate), occurredAt: now.toISOString() };
}

export function actionStatusChangedPayload(
  action: FollowUpAction,
  from: ActionStatus,
  concern: { openActionCount: number; resolved: boolean },
  now: Date,
): DataOf<typeof ActionStatusChangedEvtV1> {
  return {
    ...about(action),
    from,
    to: action.status,
    openActionCount: concern.openActionCount,
    concernResolved: concern.resolved,
    occurredAt: now.toISOString(),
  };
}
