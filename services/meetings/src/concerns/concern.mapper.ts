import type {
  ActionStatus,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  ConcernUpdatedEvtV1,
  ConcernUpdateField,
  ConcernView,
  DataOf,
  Sensitivity,
} from '@rd/contracts';
import { isConcernResolved, isOpenAction } from './concern-rules';
import type { Concern } from './concern.entity';

/** The full concern, text included: call only for an actor `canReadConcern` allows. */
export function toConcernView(concern: Concern, actionStatuses: readonly ActionStatus[]): ConcernView {
  return {
    id: concern.id,
    meetingId: concern.meetingId,
    districtCode: concern.districtCode,
    regionCode: concern.regionCode,
    topic: concern.topic,
    sensitivity: concern.sensitivity,
    text: concern.text,
    answer: concern.answer,
    followUpNeeded: concern.followUpNeeded,
    raiser: { gender: concern.raiserGender, ageGroup: concern.raiserAgeGroup },
    handlerIds: [...concern.handlerIds],
    provisionalHandlerIds: [...concern.provisionalHandlerIds],
    actionCount: actionStatuses.length,
    openActionCount: actionStatuses.filter(isOpenAction).length,
    resolved: isConcernResolved(concern.followUpNeeded, actionStatuses),
    recordedBy: concern.recordedBy,
    createdAt: concern.createdAt.toISOString(),
    updatedAt: concern.updatedAt.toISOString(),
  };
}

// Events are built from an explicit list of fields: text, answer, raiser and handlers are never copied.
export function concernRecordedPayload(concern: Concern, now: Date): DataOf<typeof ConcernRecordedEvtV1> {
  return {
    concernId: concern.id,
    meetingId: concern.meetingId,
    districtCode: concern.districtCode,
    regionCode: concern.regionCode,
    topic: concern.topic,
    sensitivity: concern.sensitivity,
    followUpNeeded: concern.followUpNeeded,
    occurredAt: now.toISOString(),
  };
}

export function sensitivityChangedPayload(concern: Concern, from: Sensitivity, now: Date): DataOf<typeof ConcernSensitivityChangedEvtV1> {
  return {
    concernId: concern.id,
    meetingId: concern.meetingId,
    districtCode: concern.districtCode,
    regionCode: concern.regionCode,
    topic: concern.topic,
    from,
    to: concern.sensitivity,
    occurredAt: now.toISOString(),
  };
}

/** An edit, by the names of the changed fields: never the text, the answer, the raiser or the handlers. */
export function concernUpdatedPayload(concern: Concern, changedFields: ConcernUpdateField[], now: Date): DataOf<typeof ConcernUpdatedEvtV1> {
  return {
    concernId: concern.id,
    meetingId: concern.meetingId,
    districtCode: concern.districtCode,
    regionCode: concern.regionCode,
    topic: concern.topic,
    sensitivity: concern.sensitivity,
    followUpNeeded: concern.followUpNeeded,
    replied: Boolean(concern.answer?.trim()),
    changedFields,
    occurredAt: now.toISOString(),
  };
}
