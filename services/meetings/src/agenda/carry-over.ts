import { canReadConcern } from '@rd/auth-core';
import type { ActionStatus, Actor, CarryOver, ConcernTopic, Sensitivity } from '@rd/contracts';
import { accessFactsOf, isConcernResolved, isOpenAction } from '../concerns/concern-rules';

export interface CarryOverSource {
  concern: {
    id: string;
    meetingId: string;
    districtCode: string;
    regionCode: string;
    topic: ConcernTopic;
    sensitivity: Sensitivity;
    handlerIds: readonly string[];
    text: string;
    answer: string | null;
    followUpNeeded: boolean;
  };
  meetingStartsAt: Date;
  actions: readonly { id: string; status: ActionStatus; dueDate: string; description: string | null }[];
}

/**
 * "Progress since last meeting": open concerns of earlier meetings. The agenda is read out in public, so
 * confidential concerns are counted and never listed, whoever reads; the others are listed only when the
 * reader may read them (canReadConcern), and left out otherwise.
 */
export function buildCarryOver(actor: Actor, sources: readonly CarryOverSource[]): CarryOver {
  const open = sources.filter(({ concern, actions }) => !isConcernResolved(concern.followUpNeeded, actions.map((a) => a.status)));
  const confidentialOpenCount = open.filter(({ concern }) => concern.sensitivity === 'confidential').length;
  const concerns = open
    .filter(({ concern }) => concern.sensitivity !== 'confidential' && canReadConcern(actor, accessFactsOf(concern)))
    .sort((a, b) => a.meetingStartsAt.getTime() - b.meetingStartsAt.getTime() || a.concern.id.localeCompare(b.concern.id))
    .map(({ concern, meetingStartsAt, actions }) => ({
      concernId: concern.id,
      meetingId: concern.meetingId,
      meetingStartsAt: meetingStartsAt.toISOString(),
      topic: concern.topic,
      sensitivity: concern.sensitivity,
      text: concern.text,
      answer: concern.answer,
      openActions: actions.filter((a) => isOpenAction(a.status)).map((a) => ({ id: a.id, status: a.status, dueDate: a.dueDate, description: a.description })),
    }));
  return { concerns, confidentialOpenCount };
}
