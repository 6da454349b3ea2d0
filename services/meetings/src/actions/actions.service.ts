import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { canReadConcern } from '@rd/auth-core';
import {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  DEFAULT_TIME_ZONE,
  DomainException,
  type Actor,
  type ActionView,
  type DataOf,
  type ListActionsQryV1,
  type AssignActionCmdV1,
  type TransitionActionInput,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { accessFactsOf, isConcernResolved, isOpenAction } from '../concerns/concern-rules';
import { Clock } from '../clock';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingReferences } from '../meetings/meeting-references';
import { ConcernsService, requirePermission } from '../concerns/concerns.service';
import { allowedActionTransitions, canTransitionAction, isOverdue } from './action-status';
import { FollowUpAction } from './follow-up-action.entity';
import { actionAssignedPayload, actionStatusChangedPayload, dateOnly, toActionView } from './follow-up-action.mapper';

type AssignInput = DataOf<typeof AssignActionCmdV1>['action'];
type ListQuery = DataOf<typeof ListActionsQryV1>;

/** Follow-up actions. An action is visible exactly when its concern is (canReadConcern). */
@Injectable()
export class ActionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly concerns: ConcernsService,
    private readonly references: MeetingReferences,
    private readonly clock: Clock,
  ) {}

  async assign(actor: Actor, concernId: string, input: AssignInput, correlationId: string): Promise<ActionView> {
    requirePermission(actor, 'action:manage');
    return this.em.transactional(async (tx) => {
      const concern = await this.concerns.loadReadable(tx, actor, concernId);
      // An action is follow-up: the concern needs it from now on.
      concern.followUpNeeded = true;
      const action = tx.create(FollowUpAction, {
        concern,
        ownerOrganisationId: input.ownerOrganisationId,
        ownerContactId: input.ownerContactId,
        description: input.description,
        dueDate: input.dueDate,
        createdBy: actor.userId,
      });
      const now = this.clock.now();
      recordEvent(tx, ActionAssignedEvtV1, actionAssignedPayload(action, now), correlationId);
      await tx.flush();
      return toActionView(action, now, (await timeZonesOf(tx, [concern.meetingId])).get(concern.meetingId) ?? DEFAULT_TIME_ZONE);
    });
  }

  /** Actions the actor may read; `mine` narrows them to those owned by the contact linked to the actor's login or by its organisation. */
  async list(actor: Actor, query: ListQuery, correlationId: string): Promise<{ items: ActionView[]; total: number }> {
    requirePermission(actor, 'action:read');
    const now = this.clock.now();
    const mine = query.mine ? { contactIds: await this.references.contactsOfLogin(actor, correlationId), organisationId: actor.organisationId ?? null } : undefined;
    const readable = (await this.em.getRepository(FollowUpAction).findInScope(actor.scope, query, mine)).filter((action) => canReadConcern(actor, accessFactsOf(action.concern)));
    const zones = await timeZonesOf(this.em, readable.map((action) => action.concern.meetingId));
    const zoneOf = (action: FollowUpAction) => zones.get(action.concern.meetingId) ?? DEFAULT_TIME_ZONE;
    const rows = readable.filter((action) => query.overdue === undefined || isOverdue(action.status, dateOnly(action.dueDate), now, zoneOf(action)) === query.overdue);
    const direction = query.order === 'ASC' ? 1 : -1;
    const key = (a: FollowUpAction): string | number =>
      query.sort === 'dueDate' ? dateOnly(a.dueDate) : query.sort === 'status' ? a.status : a.createdAt.getTime();
    rows.sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : a.id.localeCompare(b.id)));
    return { items: rows.slice(query.offset, query.offset + query.limit).map((a) => toActionView(a, now, zoneOf(a))), total: rows.length };
  }

  async transition(actor: Actor, id: string, input: TransitionActionInput, correlationId: string): Promise<ActionView> {
    requirePermission(actor, 'action:manage');
    return this.em.transactional(async (tx) => {
      const action = await tx.findOne(FollowUpAction, { id }, { populate: ['concern'] });
      if (!action || !canReadConcern(actor, accessFactsOf(action.concern))) throw new DomainException('action.not-found', 'Action not found');
      const from = action.status;
      if (!canTransitionAction(from, input.to)) {
        const allowed = allowedActionTransitions(from);
        const message = `Cannot go from ${from} to ${input.to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`;
        throw new DomainException('action.invalid-transition', message, 'to');
      }
      action.status = input.to;
      if (input.to === 'done') action.note = input.note ?? null;
      if (input.to === 'referred') action.referredTo = input.referredTo ?? null;
      if (input.to === 'dropped') action.reason = input.reason ?? null;
      if (input.note && input.to !== 'done') action.note = input.note;
      const siblings = await tx.find(FollowUpAction, { concern: action.concern, id: { $ne: action.id } });
      const statuses = [...siblings.map((a) => a.status), action.status];
      const now = this.clock.now();
      recordEvent(
        tx,
        ActionStatusChangedEvtV1,
        actionStatusChangedPayload(action, from, { openActionCount: statuses.filter(isOpenAction).length, resolved: isConcernResolved(action.concern.followUpNeeded, statuses) }, now),
        correlationId,
      );
      await tx.flush();
      return toActionView(action, now, (await timeZonesOf(tx, [action.concern.meetingId])).get(action.concern.meetingId) ?? DEFAULT_TIME_ZONE);
    });
  }
}

/** The time zone of each meeting (its district's, kept on the meeting): an action's "today" is that calendar's. */
async function timeZonesOf(em: EntityManager, meetingIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(meetingIds)];
  if (ids.length === 0) return new Map();
  const meetings = await em.find(Meeting, { id: { $in: ids } });
  return new Map(meetings.map((meeting) => [meeting.id, meeting.timeZone]));
}
