import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorHasPermission, canReadConcern, type Permission } from '@rd/auth-core';
import {
  actorCoversDistrict,
  DomainException,
  MinutesApprovedEvtV1,
  MINUTES_VERSIONS_DEFAULT_PAGE,
  MINUTES_VERSIONS_MAX_PAGE,
  MINUTES_VERSIONS_PAGE_BYTES,
  MinutesDraftSavedEvtV1,
  type Actor,
  type MinutesVersionView,
  type MinutesView,
  type SaveMinutesInput,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { accessFactsOf } from '../concerns/concern-rules';
import { Concern } from '../concerns/concern.entity';
import { Meeting } from '../meetings/meeting.entity';
import { concernSection, decideApprove, decideApprover, decideSave, protectedLeaks, quotedConcerns, type MinutesDecision } from './minutes-rules';
import { Minutes, MinutesVersion } from './minutes.entity';
import { minutesApprovedPayload, sectionFor, toMinutesVersionView, toMinutesView } from './minutes.mapper';

function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorHasPermission(actor, permission)) throw new DomainException('auth.forbidden', `Your role does not allow ${permission}`);
}

function refuse(decision: Exclude<MinutesDecision, { ok: true }>): never {
  const reason = (
    {
      locked: 'minutes.locked',
      'meeting-not-held': 'meeting.not-held',
      'no-draft': 'minutes.no-draft',
      stale: 'minutes.stale',
      'not-organiser': 'minutes.approver-not-organiser',
    } as const
  )[decision.reason];
  throw new DomainException(reason, decision.message, decision.errors);
}

@Injectable()
export class MinutesService {
  constructor(private readonly em: EntityManager) {}

  /** The minutes of a meeting in scope (NOT_FOUND outside it), with the generated concern section. */
  async get(actor: Actor, meetingId: string): Promise<MinutesView> {
    requirePermission(actor, 'minutes:read');
    const meeting = await this.em.findOne(Meeting, { id: meetingId });
    if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
    const minutes = await this.em.findOne(Minutes, { meetingId });
    const concerns = await this.concernsOf(this.em, meetingId);
    return this.forReader(actor, concerns, toMinutesView(meetingId, minutes, sectionFor(actor, concernSection(concerns))));
  }

  /**
   * A page of the versions, newest first: at most `limit`, and fewer when their bodies would outgrow one NATS reply
   * (MINUTES_VERSIONS_PAGE_BYTES; the first always goes). Every version in one reply outgrew max_payload (ADR 0030).
   */
  async versions(
    actor: Actor,
    meetingId: string,
    page: { offset?: number; limit?: number } = {},
  ): Promise<{ items: MinutesVersionView[]; total: number }> {
    requirePermission(actor, 'minutes:read');
    const meeting = await this.em.findOne(Meeting, { id: meetingId });
    if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
    const [rows, total] = await this.em.findAndCount(
      MinutesVersion,
      { meetingId },
      { orderBy: { version: 'DESC' }, offset: page.offset ?? 0, limit: Math.min(page.limit ?? MINUTES_VERSIONS_DEFAULT_PAGE, MINUTES_VERSIONS_MAX_PAGE) },
    );
    const concerns = await this.concernsOf(this.em, meetingId);
    const items: MinutesVersionView[] = [];
    let bytes = 0;
    for (const row of rows) {
      const view = this.forReader(actor, concerns, toMinutesVersionView(row));
      bytes += Buffer.byteLength(JSON.stringify(view));
      if (items.length > 0 && bytes > MINUTES_VERSIONS_PAGE_BYTES) break;
      items.push(view);
    }
    return { items, total };
  }

  /**
   * Every copy of the minutes text (the current body and each saved version) is checked when read, against the
   * meeting's concerns as they are now: a body quoting a concern this reader may not read — one raised to
   * restricted or confidential after it was typed — is withheld from them (ADR 0011). Public concerns are read by
   * every holder of minutes:read, the notifications service actor included.
   */
  private forReader<T extends { body: string; withheld?: boolean }>(actor: Actor, concerns: readonly Concern[], view: T): T {
    const unreadable = (concern: Concern) => concern.sensitivity !== 'public' && !canReadConcern(actor, accessFactsOf(concern));
    if (!view.body || quotedConcerns(view.body, concerns, unreadable).length === 0) return view;
    return { ...view, body: '', withheld: true };
  }

  /** Saves a new draft version; refused when locked, when the meeting is not held, or when a confidential concern's text is in it. */
  async save(actor: Actor, meetingId: string, input: SaveMinutesInput, correlationId: string): Promise<MinutesView> {
    requirePermission(actor, 'minutes:draft');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, meetingId);
      this.checkWriteScope(actor, meeting);
      const minutes = await tx.findOne(Minutes, { meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const decision = decideSave(minutes?.status ?? 'none', meeting.status, minutes?.version ?? 0, input.expectedVersion);
      if (!decision.ok) refuse(decision);
      const concerns = await this.concernsOf(tx, meetingId);
      const leaks = protectedLeaks(input.body, concerns);
      if (leaks.length) {
        // Never echo the text: name the problem and the count only.
        throw new DomainException(
          'minutes.confidential-text',
          `The minutes quote ${leaks.length} restricted or confidential concern(s) of this meeting; minutes go to local government and may only give their count`,
          'body',
        );
      }
      const now = new Date();
      const version = (minutes?.version ?? 0) + 1;
      const row = minutes ?? tx.create(Minutes, { meetingId, body: input.body, language: input.language, updatedBy: actor.userId });
      Object.assign(row, { body: input.body, language: input.language, version, updatedBy: actor.userId, updatedAt: now });
      tx.create(MinutesVersion, { meetingId, version, body: input.body, language: input.language, createdBy: actor.userId, createdAt: now });
      recordEvent(
        tx,
        MinutesDraftSavedEvtV1,
        { meetingId, districtCode: meeting.districtCode, regionCode: meeting.regionCode, version, language: input.language, bodyLength: input.body.length, occurredAt: now.toISOString() },
        correlationId,
      );
      await tx.flush();
      return toMinutesView(meetingId, row, sectionFor(actor, concernSection(concerns)));
    });
  }

  /**
   * Approves and locks the current draft; the lock, the meeting's mark and the distribution event commit together. Only a
   * member of the organising police unit or the facilitating NGO, or the coordinator, approves (decideApprover, ADR 34).
   */
  async approve(actor: Actor, meetingId: string, expectedVersion: number | undefined, correlationId: string): Promise<MinutesView> {
    requirePermission(actor, 'minutes:approve');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, meetingId);
      this.checkWriteScope(actor, meeting);
      const minutes = await tx.findOne(Minutes, { meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const decision = decideApprove(minutes?.status ?? 'none', meeting.status, minutes?.version ?? 0, expectedVersion);
      if (!decision.ok || !minutes) refuse(decision.ok ? { ok: false, reason: 'no-draft', message: 'There is no draft to approve' } : decision);
      // After the state: whoever gets here may read these minutes, so "locked" or "stale" tells them nothing new.
      const approver = decideApprover(actor, meeting);
      if (!approver.ok) refuse(approver);
      const concerns = await this.concernsOf(tx, meetingId);
      // A concern may have become restricted or confidential after the draft was saved: check again before locking.
      if (protectedLeaks(minutes.body, concerns).length) {
        throw new DomainException('minutes.confidential-text', 'The minutes quote a restricted or confidential concern of this meeting; edit them first', 'body');
      }
      const now = new Date();
      minutes.status = 'approved';
      minutes.approvedBy = actor.userId;
      minutes.approvedAt = now;
      meeting.minutesApprovedAt = now;
      const section = concernSection(concerns);
      recordEvent(tx, MinutesApprovedEvtV1, minutesApprovedPayload(meeting, minutes, section), correlationId);
      await tx.flush();
      return toMinutesView(meetingId, minutes, sectionFor(actor, section));
    });
  }

  private async loadForWrite(tx: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await tx.findOne(Meeting, { id: meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new DomainException('meeting.not-found', 'Meeting not found');
    return meeting;
  }

  private checkWriteScope(actor: Actor, meeting: Meeting): void {
    if (!actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) {
      // Not theirs answers like not there: the meeting's existence is not revealed.
      throw new DomainException('meeting.not-found', 'Meeting not found');
    }
  }

  private concernsOf(em: EntityManager, meetingId: string): Promise<Concern[]> {
    return em.find(Concern, { meetingId }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }
}
