import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorCoversDistrict, AgendaChangedEvtV1, BriefingAttachedEvtV1, MAX_AGENDA_ITEMS, type AddAgendaItemInput, ChecklistItemTickedEvtV1, dateInZone, DomainException, type Actor, type MeetingAgendaView, type MeetingStatus } from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { Meeting } from '../meetings/meeting.entity';
import { requirePermission } from '../meetings/meetings.service';
import { MeetingTemplate } from '../templates/meeting-template.entity';
import { RosterService } from '../roster/roster.service';
import { TemplatesService } from '../templates/templates.service';
import { BriefingsService } from '../briefings/briefings.service';
import { FollowUpAction } from '../actions/follow-up-action.entity';
import { dateOnly } from '../actions/follow-up-action.mapper';
import { Concern } from '../concerns/concern.entity';
import { toAgendaView } from './agenda.mapper';
import { positionsAfterInsert, positionsAfterMove, positionsAfterRemove } from './agenda-order';
import { buildCarryOver, type CarryOverSource } from './carry-over';
import { checklistDueDate } from './checklist-due';
import { copyTemplateOntoMeeting } from './template-copy';
import { MeetingAgenda, MeetingAgendaItem, MeetingChecklistItem } from './meeting-agenda.entity';

/** A template can be (re)applied, and the agenda edited, while the meeting is still being prepared. */
const PLANNABLE: readonly MeetingStatus[] = ['draft', 'scheduled', 'postponed'];

/** Gives each item its new position; answers how many moved. */
function renumber(items: readonly MeetingAgendaItem[], positions: ReadonlyMap<string, number>): number {
  let moved = 0;
  for (const item of items) {
    const position = positions.get(item.id);
    if (position !== undefined && position !== item.position) {
      item.position = position;
      moved += 1;
    }
  }
  return moved;
}

/** A meeting's agenda and preparation checklist, copied from a handbook template version. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: TemplatesService,
    private readonly roster: RosterService,
    private readonly briefings: BriefingsService,
  ) {}

  async get(actor: Actor, meetingId: string): Promise<MeetingAgendaView> {
    requirePermission(actor, 'meeting:read');
    const meeting = await this.em.findOne(Meeting, { id: meetingId });
    // Reads: a meeting outside the actor's scope does not exist for them.
    if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
    return this.view(this.em, actor, meeting);
  }

  /** Replaces the meeting's agenda and checklist with copies of the template's; ticks are not carried over. */
  async applyTemplate(actor: Actor, meetingId: string, templateId: string, correlationId: string): Promise<MeetingAgendaView> {
    requirePermission(actor, 'meeting:plan');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, actor, meetingId);
      if (!PLANNABLE.includes(meeting.status)) {
        throw new DomainException('meeting.not-editable', `A ${meeting.status} meeting's agenda can no longer be replaced`);
      }
      const template = await this.templates.load(tx, templateId);
      await copyTemplateOntoMeeting(tx, meeting, template, actor.userId, correlationId);
      await tx.flush();
      return this.view(tx, actor, meeting);
    });
  }

  /** Records which briefing version is presented under a legal-information item of a meeting being prepared. */
  async attachBriefing(actor: Actor, meetingId: string, itemId: string, briefingId: string, correlationId: string): Promise<MeetingAgendaView> {
    requirePermission(actor, 'meeting:plan');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, actor, meetingId);
      const item = await tx.findOne(MeetingAgendaItem, { id: itemId, meetingId });
      if (!item) throw new DomainException('agenda-item.not-found', 'Agenda item not found');
      if (item.kind !== 'legal-information') {
        throw new DomainException('agenda-item.not-legal-information', 'Only a legal-information item presents a briefing', 'itemId');
      }
      if (!PLANNABLE.includes(meeting.status)) {
        throw new DomainException('meeting.not-editable', `A ${meeting.status} meeting's agenda can no longer be changed`);
      }
      const briefing = await this.briefings.load(tx, briefingId);
      const previous = item.briefingId ?? null;
      item.briefingId = briefing.id;
      // Attaching the version it already presents changes nothing and announces nothing.
      if (previous !== briefing.id) {
        recordEvent(
          tx,
          BriefingAttachedEvtV1,
          {
            meetingId: meeting.id,
            districtCode: meeting.districtCode,
            regionCode: meeting.regionCode,
            communityIds: [...meeting.communityIds],
            itemId: item.id,
            briefingId: briefing.id,
            briefingFamilyId: briefing.familyId,
            previousBriefingId: previous,
            occurredAt: new Date().toISOString(),
          },
          correlationId,
        );
      }
      await tx.flush();
      return this.view(tx, actor, meeting);
    });
  }

  /**
   * Adds an item to the agenda of a meeting being prepared, at `position` (default: after the last). The new item
   * presents no briefing until one is attached. A meeting without a template gets an agenda of its own this way.
   */
  addItem(actor: Actor, meetingId: string, input: AddAgendaItemInput, correlationId: string): Promise<MeetingAgendaView> {
    return this.editAgenda(actor, meetingId, null, (tx, meeting, items) => {
      if (items.length >= MAX_AGENDA_ITEMS) {
        throw new DomainException('request.invalid', `An agenda holds at most ${MAX_AGENDA_ITEMS} items`, 'kind');
      }
      const position = input.position ?? items.length + 1;
      if (position > items.length + 1) {
        throw new DomainException('request.invalid', `The agenda has ${items.length} items: a new one goes at ${items.length + 1} at most`, 'position');
      }
      renumber(items, positionsAfterInsert(items, position));
      const item = tx.create(MeetingAgendaItem, { meetingId, position, kind: input.kind, title: input.title.trim() });
      this.recordChange(tx, meeting, { change: 'item-added', item, previousPosition: null, itemCount: items.length + 1 }, correlationId);
    });
  }

  /** Removes an item, and with it the briefing it presented; the items after it close up. */
  removeItem(actor: Actor, meetingId: string, itemId: string, correlationId: string): Promise<MeetingAgendaView> {
    return this.editAgenda(actor, meetingId, itemId, (tx, meeting, items, item) => {
      tx.remove(item);
      renumber(items, positionsAfterRemove(items, itemId));
      this.recordChange(tx, meeting, { change: 'item-removed', item, previousPosition: null, itemCount: items.length - 1 }, correlationId);
    });
  }

  /** Moves an item; the others shift around it. Moving it where it already is changes nothing and announces nothing. */
  moveItem(actor: Actor, meetingId: string, itemId: string, position: number, correlationId: string): Promise<MeetingAgendaView> {
    return this.editAgenda(actor, meetingId, itemId, (tx, meeting, items, item) => {
      if (position > items.length) {
        throw new DomainException('request.invalid', `The agenda has ${items.length} items: move within 1 to ${items.length}`, 'position');
      }
      const previousPosition = item.position;
      renumber(items, positionsAfterMove(items, itemId, position));
      if (previousPosition !== item.position) {
        this.recordChange(tx, meeting, { change: 'item-moved', item, previousPosition, itemCount: items.length }, correlationId);
      }
    });
  }

  /**
   * One change of an agenda, in one transaction with the meeting row locked (concurrent edits of the same agenda
   * take turns): planners only, the meeting in scope (else NOT_FOUND) and not yet held, closed or cancelled, and the
   * named item on it (else agenda-item.not-found).
   */
  private editAgenda(
    actor: Actor,
    meetingId: string,
    itemId: string | null,
    change: (tx: EntityManager, meeting: Meeting, items: MeetingAgendaItem[], item: MeetingAgendaItem) => void,
  ): Promise<MeetingAgendaView> {
    requirePermission(actor, 'meeting:plan');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, actor, meetingId);
      if (!PLANNABLE.includes(meeting.status)) {
        throw new DomainException('meeting.not-editable', `A ${meeting.status} meeting's agenda can no longer be changed`);
      }
      const items = await tx.find(MeetingAgendaItem, { meetingId });
      const item = itemId === null ? undefined : items.find((candidate) => candidate.id === itemId);
      if (itemId !== null && !item) throw new DomainException('agenda-item.not-found', 'Agenda item not found');
      change(tx, meeting, items, item as MeetingAgendaItem);
      await tx.flush();
      return this.view(tx, actor, meeting);
    });
  }

  private recordChange(
    tx: EntityManager,
    meeting: Meeting,
    change: { change: 'item-added' | 'item-removed' | 'item-moved'; item: MeetingAgendaItem; previousPosition: number | null; itemCount: number },
    correlationId: string,
  ): void {
    recordEvent(
      tx,
      AgendaChangedEvtV1,
      {
        meetingId: meeting.id,
        districtCode: meeting.districtCode,
        regionCode: meeting.regionCode,
        change: change.change,
        itemId: change.item.id,
        kind: change.item.kind,
        position: change.item.position,
        previousPosition: change.previousPosition,
        briefingId: change.item.briefingId ?? null,
        itemCount: change.itemCount,
        occurredAt: new Date().toISOString(),
      },
      correlationId,
    );
  }

  /** Idempotent: ticking a ticked item keeps who ticked it first and when, and emits nothing again. */
  async tick(actor: Actor, meetingId: string, itemId: string, correlationId: string): Promise<MeetingAgendaView> {
    requirePermission(actor, 'meeting:plan');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, actor, meetingId);
      const item = await tx.findOne(MeetingChecklistItem, { id: itemId, meetingId });
      if (!item) throw new DomainException('checklist-item.not-found', 'Checklist item not found');
      if (!item.doneAt) {
        const now = new Date();
        item.doneAt = now;
        item.doneBy = actor.userId;
        const all = await tx.find(MeetingChecklistItem, { meetingId });
        const dueDate = checklistDueDate(meeting.startsAt, item.offsetDays, meeting.timeZone);
        recordEvent(
          tx,
          ChecklistItemTickedEvtV1,
          {
            meetingId: meeting.id,
            districtCode: meeting.districtCode,
            regionCode: meeting.regionCode,
            itemId: item.id,
            key: item.key,
            dueDate,
            late: dueDate < dateInZone(now, meeting.timeZone),
            done: all.filter((i) => i.doneAt).length,
            total: all.length,
            occurredAt: now.toISOString(),
          },
          correlationId,
        );
      }
      await tx.flush();
      return this.view(tx, actor, meeting);
    });
  }

  private async view(em: EntityManager, actor: Actor, meeting: Meeting): Promise<MeetingAgendaView> {
    // One after the other: inside a transaction they share one connection.
    const agenda = await em.findOne(MeetingAgenda, { meetingId: meeting.id });
    const items = await em.find(MeetingAgendaItem, { meetingId: meeting.id });
    const checklist = await em.find(MeetingChecklistItem, { meetingId: meeting.id });
    const template = agenda ? await em.findOne(MeetingTemplate, { id: agenda.templateId }) : null;
    const carryOver = buildCarryOver(actor, await this.carryOverSources(em, meeting));
    const proposedStaff = await this.roster.proposedStaff(em, meeting);
    return { ...toAgendaView({ meetingId: meeting.id, startsAt: meeting.startsAt, createdAt: meeting.createdAt, timeZone: meeting.timeZone, template, items, checklist }, new Date()), carryOver, proposedStaff };
  }

  /** Concerns (with their actions) of the district's earlier meetings that share a community with this one. */
  private async carryOverSources(em: EntityManager, meeting: Meeting): Promise<CarryOverSource[]> {
    const communities = new Set(meeting.communityIds);
    const earlier = (await em.find(Meeting, { districtCode: meeting.districtCode, startsAt: { $lt: meeting.startsAt }, id: { $ne: meeting.id } })).filter((m) =>
      m.communityIds.some((id) => communities.has(id)),
    );
    if (earlier.length === 0) return [];
    const startsAt = new Map(earlier.map((m) => [m.id, m.startsAt]));
    const concerns = await em.find(Concern, { meetingId: { $in: [...startsAt.keys()] } });
    if (concerns.length === 0) return [];
    const actions = await em.find(FollowUpAction, { concern: { $in: concerns.map((c) => c.id) } });
    return concerns.map((concern) => ({
      concern,
      meetingStartsAt: startsAt.get(concern.meetingId) ?? meeting.startsAt,
      actions: actions.filter((a) => a.concern.id === concern.id).map((a) => ({ id: a.id, status: a.status, dueDate: dateOnly(a.dueDate), description: a.description })),
    }));
  }

  /** Writes: NOT_FOUND when unknown or outside the actor's scope, so a meeting's existence is not revealed. */
  private async loadForWrite(tx: EntityManager, actor: Actor, id: string): Promise<Meeting> {
    const meeting = await tx.findOne(Meeting, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new DomainException('meeting.not-found', 'Meeting not found');
    if (!actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
    return meeting;
  }
}
