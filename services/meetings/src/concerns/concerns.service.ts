import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { canChangeSensitivity, canManageHandlers, canReadConcern, hasPermission, type Permission } from '@rd/auth-core';
import {
  actorCoversDistrict,
  CONCERN_UPDATE_FIELDS,
  ConcernRecordedEvtV1,
  ConcernUpdatedEvtV1,
  ConcernSensitivityChangedEvtV1,
  DomainException,
  GetConcernQryV1,
  ListConcernsQryV1,
  SENSITIVITIES,
  type Actor,
  type ConcernReply,
  type ConcernView,
  type DataOf,
  type HiddenConcernCounts,
  type RecordConcernCmdV1,
  type RequestOrigin,
  type UpdateConcernInput,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { recordConcernAudit } from './concern-audit';
import { accessFactsOf } from './concern-rules';
import { Concern } from './concern.entity';
import { concernRecordedPayload, concernUpdatedPayload, sensitivityChangedPayload, toConcernView } from './concern.mapper';

type RecordInput = DataOf<typeof RecordConcernCmdV1>['concern'];
type ListQuery = DataOf<typeof ListConcernsQryV1>;

export interface ReadMeta {
  correlationId: string;
  origin?: RequestOrigin;
}

/** Services re-check the permission the gateway checked: a request from elsewhere gets no more. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.roles, permission)) {
    throw new DomainException('auth.forbidden', `Your role does not allow ${permission}`);
  }
}

const ORDER = SENSITIVITIES;

@Injectable()
export class ConcernsService {
  constructor(private readonly em: EntityManager) {}

  async record(actor: Actor, meetingId: string, input: RecordInput, correlationId: string): Promise<ConcernReply> {
    requirePermission(actor, 'concern:record');
    return this.em.transactional(async (tx) => {
      const meeting = await tx.getRepository(Concern).findMeetingPlace(meetingId);
      if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
      if (meeting.status === 'cancelled') throw new DomainException('meeting.cancelled', 'The meeting was cancelled');
      const handlerIds = [...new Set(input.handlerIds)];
      if (input.sensitivity === 'confidential' && handlerIds.length === 0) {
        throw new DomainException('concern.handler-required', 'A confidential concern needs at least one named handler', 'handlerIds');
      }
      const concern = tx.create(Concern, {
        meetingId,
        districtCode: meeting.districtCode,
        regionCode: meeting.regionCode,
        topic: input.topic,
        sensitivity: input.sensitivity,
        text: input.text,
        answer: input.answer,
        followUpNeeded: input.followUpNeeded,
        raiserGender: input.raiser.gender,
        raiserAgeGroup: input.raiser.ageGroup,
        handlerIds,
        recordedBy: actor.userId,
      });
      recordEvent(tx, ConcernRecordedEvtV1, concernRecordedPayload(concern, new Date()), correlationId);
      await tx.flush();
      return this.replyFor(actor, concern, []);
    });
  }

  /** The readable concerns of a meeting; the rest are counted per sensitivity. Confidential ones returned are audited. */
  async list(actor: Actor, query: ListQuery, meta: ReadMeta): Promise<{ items: ConcernView[]; total: number; hidden: HiddenConcernCounts }> {
    requirePermission(actor, 'concern:read');
    return this.em.transactional(async (tx) => {
      const repository = tx.getRepository(Concern);
      const meeting = await repository.findMeetingPlace(query.meetingId);
      if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
      const matching = (await repository.findByMeeting(query.meetingId)).filter(
        (c) => (!query.topic || c.topic === query.topic) && (!query.sensitivity || c.sensitivity === query.sensitivity),
      );
      const hidden: HiddenConcernCounts = { public: 0, restricted: 0, confidential: 0 };
      const readable: Concern[] = [];
      for (const concern of matching) {
        if (canReadConcern(actor, accessFactsOf(concern))) readable.push(concern);
        else hidden[concern.sensitivity] += 1;
      }
      const direction = query.order === 'ASC' ? 1 : -1;
      const key = (c: Concern): string | number =>
        query.sort === 'sensitivity' ? ORDER.indexOf(c.sensitivity) : query.sort === 'topic' ? c.topic : c.createdAt.getTime();
      readable.sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : a.id.localeCompare(b.id)));
      const page = readable.slice(query.offset, query.offset + query.limit);
      const statuses = await repository.actionStatuses(page.map((c) => c.id));
      const now = new Date();
      for (const concern of page.filter((c) => c.sensitivity === 'confidential')) {
        recordConcernAudit(tx, actor, 'concern:read-confidential', concern.id, { ...meta, subject: ListConcernsQryV1.name, now });
      }
      return { items: page.map((c) => toConcernView(c, statuses.get(c.id) ?? [])), total: readable.length, hidden };
    });
  }

  async get(actor: Actor, id: string, meta: ReadMeta): Promise<ConcernView> {
    requirePermission(actor, 'concern:read');
    return this.em.transactional(async (tx) => {
      const concern = await this.loadReadable(tx, actor, id);
      if (concern.sensitivity === 'confidential') {
        recordConcernAudit(tx, actor, 'concern:read-confidential', concern.id, { ...meta, subject: GetConcernQryV1.name, now: new Date() });
      }
      const statuses = await tx.getRepository(Concern).actionStatuses([concern.id]);
      return toConcernView(concern, statuses.get(concern.id) ?? []);
    });
  }

  /** Sensitivity goes up freely; down only by a handler or the coordinator, and that is audited. */
  async update(actor: Actor, id: string, patch: UpdateConcernInput, correlationId: string): Promise<ConcernReply> {
    requirePermission(actor, 'concern:record');
    return this.em.transactional(async (tx) => {
      const concern = await this.loadReadable(tx, actor, id);
      const from = concern.sensitivity;
      const to = patch.sensitivity ?? from;
      if (to !== from && !canChangeSensitivity(actor, accessFactsOf(concern), to)) {
        throw new DomainException('concern.lowering-refused', 'Only a handler of this concern or the national coordinator may lower its sensitivity', 'sensitivity');
      }
      const handlerIds = patch.handlerIds ? [...new Set(patch.handlerIds)] : concern.handlerIds;
      if (to === 'confidential' && handlerIds.length === 0) {
        throw new DomainException('concern.handler-required', 'A confidential concern needs at least one named handler', 'handlerIds');
      }
      const provisional = this.handlersAfter(actor, concern, handlerIds, to);
      const changed = new Set<(typeof CONCERN_UPDATE_FIELDS)[number]>();
      const set = <K extends 'topic' | 'text' | 'answer' | 'followUpNeeded'>(field: K, value: Concern[K] | undefined) => {
        if (value === undefined || value === concern[field]) return;
        concern[field] = value;
        changed.add(field);
      };
      set('topic', patch.topic);
      set('text', patch.text);
      set('answer', patch.answer);
      set('followUpNeeded', patch.followUpNeeded);
      if (patch.raiser !== undefined && (patch.raiser.gender !== concern.raiserGender || patch.raiser.ageGroup !== concern.raiserAgeGroup)) {
        concern.raiserGender = patch.raiser.gender;
        concern.raiserAgeGroup = patch.raiser.ageGroup;
        changed.add('raiser');
      }
      if (JSON.stringify([...handlerIds].sort()) !== JSON.stringify([...concern.handlerIds].sort())) changed.add('handlers');
      if (to !== from) changed.add('sensitivity');
      concern.handlerIds = handlerIds;
      concern.provisionalHandlerIds = provisional;
      concern.sensitivity = to;
      const now = new Date();
      if (changed.size > 0) {
        // Names of the changed fields only: never the text, the answer, the raiser or the handlers.
        recordEvent(
          tx,
          ConcernUpdatedEvtV1,
          concernUpdatedPayload(concern, CONCERN_UPDATE_FIELDS.filter((f) => changed.has(f)), now),
          correlationId,
        );
      }
      if (to !== from) {
        recordEvent(tx, ConcernSensitivityChangedEvtV1, sensitivityChangedPayload(concern, from, now), correlationId);
        if (ORDER.indexOf(to) < ORDER.indexOf(from)) {
          recordConcernAudit(tx, actor, 'concern:lower-sensitivity', concern.id, { correlationId, subject: 'meetings.cmd.concern.update.v1', now });
        }
      }
      await tx.flush();
      const statuses = await tx.getRepository(Concern).actionStatuses([concern.id]);
      return this.replyFor(actor, concern, statuses.get(concern.id) ?? []);
    });
  }

  /**
   * Who may change the handlers (ADR 0008): its confirmed handlers and the coordinator, freely; anyone else only
   * when raising a concern that has no confirmed handler to confidential, and the handlers they name are
   * provisional (they read it but may not lower it nor name others), so a reader cannot make themselves the
   * handler who lowers it. Returns the provisional handlers after the change.
   */
  private handlersAfter(actor: Actor, concern: Concern, handlerIds: string[], to: Concern['sensitivity']): string[] {
    const before = new Set(concern.handlerIds);
    const same = handlerIds.length === before.size && handlerIds.every((id) => before.has(id));
    const stillProvisional = concern.provisionalHandlerIds.filter((id) => handlerIds.includes(id));
    if (same) return stillProvisional;
    const facts = accessFactsOf(concern);
    if (canManageHandlers(actor, facts)) return stillProvisional;
    const confirmed = concern.handlerIds.filter((id) => !concern.provisionalHandlerIds.includes(id));
    const raisingToConfidential = to === 'confidential' && concern.sensitivity !== 'confidential';
    if (raisingToConfidential && confirmed.length === 0 && concern.handlerIds.every((id) => handlerIds.includes(id))) {
      return handlerIds.filter((id) => !confirmed.includes(id));
    }
    throw new DomainException(
      'concern.handlers-refused',
      'Only a handler of this concern or the national coordinator may name its handlers',
      'handlerIds',
    );
  }

  /** A concern the actor may read, else NOT_FOUND: an unreadable concern is not admitted to exist. */
  async loadReadable(em: EntityManager, actor: Actor, id: string): Promise<Concern> {
    const concern = await em.findOne(Concern, { id });
    if (!concern || !canReadConcern(actor, accessFactsOf(concern))) throw new DomainException('concern.not-found', 'Concern not found');
    return concern;
  }

  private replyFor(actor: Actor, concern: Concern, statuses: Parameters<typeof toConcernView>[1]): ConcernReply {
    if (canReadConcern(actor, accessFactsOf(concern))) return toConcernView(concern, statuses);
    return { id: concern.id, meetingId: concern.meetingId, topic: concern.topic, sensitivity: concern.sensitivity, readable: false };
  }
}
