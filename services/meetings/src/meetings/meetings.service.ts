import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorHasPermission, type Permission } from '@rd/auth-core';
import {
  actorCoversDistrict,
  DomainException,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  MeetingUpdatedEvtV1,
  MEETING_UPDATE_FIELDS,
  minutesApproverRefusal,
  quarterOf,
  type Actor,
  type CreateMeetingInput,
  type DataOf,
  type DomainErrorCode,
  type FieldError,
  type ListMeetingsQryV1,
  type MeetingView,
  type TransitionMeetingInput,
  type UpdateMeetingInput,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { decideTransition } from './meeting-lifecycle';
import { MeetingReferences } from './meeting-references';
import { attendanceRecordedAt } from '../attendance/attendance-facts';
import { MeetingStatusChange } from './meeting-status-change.entity';
import { Meeting } from './meeting.entity';
import type { MinutesApprover } from './meeting.repository';
import { toMeetingView } from './meeting.mapper';
import { copyTemplateOntoMeeting } from '../agenda/template-copy';
import { resolveTemplateVersion } from '../templates/templates.service';

/** Fields whose change alters the calendar entry (RFC 5545 SEQUENCE is bumped). */
const CALENDAR_FIELDS = ['title', 'startsAt', 'durationMinutes', 'venueName', 'venueLocation'] as const;

/** Statuses in which the plan can still change (a postponed meeting keeps being prepared). */
const EDITABLE: readonly Meeting['status'][] = ['draft', 'scheduled', 'postponed'];
const TEMPLATE_NOT_FOUND: readonly DomainErrorCode[] = ['meeting-template.not-found', 'meeting-template.version-not-found'];

/**
 * Whose minutes the actor may approve, by the rule the approval itself enforces (minutesApproverRefusal, ADR 34):
 * any meeting's, the meetings of the organisation their token names, or none (null).
 */
export function minutesApproverOf(actor: Actor): MinutesApprover | null {
  if (!actorHasPermission(actor, 'minutes:approve')) return null;
  if (minutesApproverRefusal(actor, { policeUnitId: null, facilitatingOrganisationId: null }) === null) return { anyMeeting: true };
  return actor.organisationId ? { anyMeeting: false, organisationId: actor.organisationId } : null;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorHasPermission(actor, permission)) {
    throw new DomainException('auth.forbidden', `Your role does not allow ${permission}`);
  }
}

function checkOrganisers(organisedBy: string, facilitatingOrganisationId: string | null): FieldError[] {
  if (organisedBy !== 'police' && !facilitatingOrganisationId) {
    return [{ field: 'facilitatingOrganisationId', message: 'required when an NGO organised or facilitated the meeting' }];
  }
  return [];
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly references: MeetingReferences,
  ) {}

  /**
   * Creates a draft; with `templateId`, the chosen version's agenda and checklist are copied in the same transaction.
   * Nothing is announced to invitees until it is scheduled. The district (its region and time zone), the communities
   * and what the meeting refers to are looked up in communities first, with the caller's scope.
   */
  async create(actor: Actor, input: CreateMeetingInput, correlationId: string): Promise<MeetingView> {
    requirePermission(actor, 'meeting:plan');
    const place = await this.references.placeOf(actor, input, correlationId);
    const district = { districtCode: input.districtCode, regionCode: place.regionCode };
    await this.references.checkOrganisations(actor, district, input, correlationId);
    await this.references.checkInvitees(actor, district, input, correlationId);
    if (!actorCoversDistrict(actor.scope, place.regionCode, input.districtCode)) {
      throw new DomainException('auth.out-of-scope', 'The district is outside your scope');
    }
    const errors = checkOrganisers(input.organisedBy, input.facilitatingOrganisationId ?? null);
    if (errors.length) throw new DomainException('request.invalid', 'Some fields are invalid', errors);
    return this.em.transactional(async (tx) => {
      const startsAt = new Date(input.startsAt);
      const meeting = tx.create(Meeting, {
        kind: input.kind,
        title: input.title,
        communityIds: [...input.communityIds],
        districtCode: input.districtCode,
        regionCode: place.regionCode,
        timeZone: place.timeZone,
        startsAt,
        durationMinutes: input.durationMinutes,
        quarter: quarterOf(startsAt, place.timeZone),
        venueName: input.venueName,
        venueType: input.venueType,
        venueLocation: input.venueLocation ?? null,
        venueAccessibility: input.venueAccessibility || null,
        policeUnitId: input.policeUnitId ?? null,
        facilitatingOrganisationId: input.facilitatingOrganisationId ?? null,
        organisedBy: input.organisedBy,
        inviteeContactIds: [...new Set(input.inviteeContactIds)],
        inviteeOrganisationIds: [...new Set(input.inviteeOrganisationIds)],
        createdBy: actor.userId,
      });
      if (input.templateId) {
        const template = await resolveTemplateVersion(tx, input.templateId, input.templateVersion).catch((error: unknown) => {
          // On create an unknown template is a bad field, not a missing meeting.
          if (!(error instanceof DomainException) || !TEMPLATE_NOT_FOUND.includes(error.reason)) throw error;
          const field = input.templateVersion === undefined ? 'templateId' : 'templateVersion';
          throw new DomainException('request.invalid', 'Some fields are invalid', [{ field, message: 'unknown template or version' }]);
        });
        // The copies reference the meeting row (no ORM relation orders the inserts): write it first.
        await tx.flush();
        await copyTemplateOntoMeeting(tx, meeting, template, actor.userId, correlationId);
      }
      await tx.flush();
      return toMeetingView(meeting);
    });
  }

  /** One meeting, or NOT_FOUND when outside the actor's scope (its existence is not revealed). */
  async get(actor: Actor, id: string): Promise<MeetingView> {
    requirePermission(actor, 'meeting:read');
    const meeting = await this.em.findOne(Meeting, { id });
    if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
    return toMeetingView(meeting, await this.history(this.em, meeting.id));
  }

  async list(actor: Actor, query: DataOf<typeof ListMeetingsQryV1>): Promise<{ items: MeetingView[]; total: number }> {
    requirePermission(actor, 'meeting:read');
    let approver: MinutesApprover | undefined;
    if (query.minutesAwaitingApproval) {
      approver = minutesApproverOf(actor) ?? undefined;
      // Nothing awaits the approval of someone who may approve no minutes.
      if (!approver) return { items: [], total: 0 };
    }
    const [rows, total] = await this.em.getRepository(Meeting).listInScope(actor.scope, query, approver);
    return { items: rows.map((row) => toMeetingView(row)), total };
  }

  /**
   * Changes a draft, scheduled or postponed meeting. The date of a scheduled or postponed meeting moves only by
   * postponing (history, event). Once announced (scheduled or postponed), a change of plan details emits
   * meeting.updated with the names of the changed fields and the invitee differences, so invitees can be told.
   */
  async update(actor: Actor, id: string, patch: UpdateMeetingInput, correlationId: string): Promise<MeetingView> {
    requirePermission(actor, 'meeting:plan');
    if (patch.policeUnitId || patch.facilitatingOrganisationId || patch.inviteeContactIds?.length || patch.inviteeOrganisationIds?.length) {
      // The organisations and invitees must belong to the meeting's district; a meeting the caller cannot see is
      // left to the write below (not found). Read in a fork: the locked read of the write must not get this copy.
      const meeting = await this.em.fork().findOne(Meeting, { id });
      if (meeting && actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) {
        await this.references.checkOrganisations(actor, meeting, patch, correlationId);
        await this.references.checkInvitees(actor, meeting, patch, correlationId);
      }
    }
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, actor, id);
      if (!EDITABLE.includes(meeting.status)) {
        throw new DomainException('meeting.not-editable', `A ${meeting.status} meeting can no longer be changed`);
      }
      const startsAt = patch.startsAt !== undefined ? new Date(patch.startsAt) : undefined;
      if (startsAt && meeting.status !== 'draft' && startsAt.getTime() !== meeting.startsAt.getTime()) {
        throw new DomainException(
          'meeting.not-editable',
          `The date of a ${meeting.status} meeting is changed by postponing it`,
          'startsAt',
        );
      }
      const organisedBy = patch.organisedBy ?? meeting.organisedBy;
      const facilitator = patch.facilitatingOrganisationId !== undefined ? patch.facilitatingOrganisationId : meeting.facilitatingOrganisationId;
      const errors = checkOrganisers(organisedBy, facilitator);
      if (errors.length) throw new DomainException('request.invalid', 'Some fields are invalid', errors);

      const before = { contacts: [...meeting.inviteeContactIds], organisations: [...meeting.inviteeOrganisationIds] };
      const next: Record<string, unknown> = { ...patch, ...(startsAt ? { startsAt } : {}) };
      // Blank accessibility notes are none.
      if (patch.venueAccessibility === '') next.venueAccessibility = null;
      if (patch.inviteeContactIds) next.inviteeContactIds = [...new Set(patch.inviteeContactIds)];
      if (patch.inviteeOrganisationIds) next.inviteeOrganisationIds = [...new Set(patch.inviteeOrganisationIds)];
      let calendarChanged = false;
      const changed: string[] = [];
      const fields = meeting as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(next)) {
        if (value === undefined || JSON.stringify(value) === JSON.stringify(fields[field])) continue;
        fields[field] = value;
        changed.push(field);
        if ((CALENDAR_FIELDS as readonly string[]).includes(field)) calendarChanged = true;
      }
      if (calendarChanged) meeting.sequence += 1;
      meeting.quarter = quarterOf(meeting.startsAt, meeting.timeZone);
      const announced = MEETING_UPDATE_FIELDS.filter((field) => changed.includes(field));
      if ((meeting.status === 'scheduled' || meeting.status === 'postponed') && announced.length > 0) {
        const added = (now: string[], was: string[]) => now.filter((x) => !was.includes(x));
        recordEvent(
          tx,
          MeetingUpdatedEvtV1,
          {
            meetingId: meeting.id,
            status: meeting.status,
            communityIds: [...meeting.communityIds],
            districtCode: meeting.districtCode,
            regionCode: meeting.regionCode,
            quarter: meeting.quarter,
            scheduledFor: meeting.startsAt.toISOString(),
            timeZone: meeting.timeZone,
            sequence: meeting.sequence,
            changedFields: announced,
            inviteeContactIds: [...meeting.inviteeContactIds],
            inviteeOrganisationIds: [...meeting.inviteeOrganisationIds],
            addedInviteeContactIds: added(meeting.inviteeContactIds, before.contacts),
            removedInviteeContactIds: added(before.contacts, meeting.inviteeContactIds),
            addedInviteeOrganisationIds: added(meeting.inviteeOrganisationIds, before.organisations),
            removedInviteeOrganisationIds: added(before.organisations, meeting.inviteeOrganisationIds),
            occurredAt: new Date().toISOString(),
          },
          correlationId,
        );
      }
      await tx.flush();
      return toMeetingView(meeting, await this.history(tx, meeting.id));
    });
  }

  /** Moves a meeting through its lifecycle; the status, its history row and its event commit together. */
  async transition(actor: Actor, id: string, input: TransitionMeetingInput, correlationId: string): Promise<MeetingView> {
    requirePermission(actor, input.to === 'held' || input.to === 'closed' ? 'meeting:hold' : 'meeting:plan');
    return this.em.transactional(async (tx) => {
      const meeting = await this.loadForWrite(tx, actor, id);
      const now = new Date();
      // Attendance lives in its own table (src/attendance/); only a close needs it.
      const attendanceAt = input.to === 'closed' ? await attendanceRecordedAt(tx, meeting.id) : null;
      const decision = decideTransition(Object.assign(Object.create(meeting) as Meeting, { attendanceRecordedAt: attendanceAt }), input, now);
      if (!decision.ok) throw new DomainException('meeting.invalid-transition', decision.message, decision.errors);

      const from = meeting.status;
      const previousStartsAt = meeting.startsAt;
      meeting.status = input.to;
      meeting.statusChangedAt = now;
      if (decision.newStartsAt) {
        meeting.startsAt = decision.newStartsAt;
        meeting.quarter = quarterOf(decision.newStartsAt, meeting.timeZone);
      }
      if (input.to === 'postponed' || input.to === 'cancelled') {
        meeting.statusReason = input.reason ?? null;
        meeting.sequence += 1;
      }
      // The real start a recorder gave (a phone that held the meeting offline sends it later), else now.
      if (input.to === 'held') meeting.heldAt = decision.heldAt ?? now;
      if (input.to === 'closed') meeting.closedAt = now;
      tx.create(MeetingStatusChange, {
        meetingId: meeting.id,
        fromStatus: from,
        toStatus: input.to,
        reason: input.reason ?? null,
        previousStartsAt: decision.newStartsAt ? previousStartsAt : null,
        newStartsAt: decision.newStartsAt,
        changedBy: actor.userId,
        changedAt: now,
      });
      this.recordTransitionEvent(tx, meeting, from, previousStartsAt, now, correlationId);
      await tx.flush();
      return toMeetingView(meeting, await this.history(tx, meeting.id));
    });
  }

  private recordTransitionEvent(tx: EntityManager, meeting: Meeting, from: Meeting['status'], previousStartsAt: Date, now: Date, correlationId: string): void {
    const base = {
      meetingId: meeting.id,
      communityIds: [...meeting.communityIds],
      districtCode: meeting.districtCode,
      regionCode: meeting.regionCode,
      quarter: meeting.quarter,
    };
    const invitees = { inviteeContactIds: [...meeting.inviteeContactIds], inviteeOrganisationIds: [...meeting.inviteeOrganisationIds] };
    switch (meeting.status) {
      case 'scheduled':
        // Confirming a postponed meeting announces nothing new: the rescheduled event already told everyone.
        if (from !== 'draft') return;
        recordEvent(
          tx,
          MeetingScheduledEvtV1,
          {
            meetingId: meeting.id,
            communityIds: base.communityIds,
            districtCode: meeting.districtCode,
            scheduledFor: meeting.startsAt.toISOString(),
            quarter: meeting.quarter,
            regionCode: meeting.regionCode,
            timeZone: meeting.timeZone,
            occurredAt: now.toISOString(),
          },
          correlationId,
        );
        return;
      case 'postponed':
        recordEvent(
          tx,
          MeetingRescheduledEvtV1,
          { ...base, ...invitees, previousStartsAt: previousStartsAt.toISOString(), scheduledFor: meeting.startsAt.toISOString(), occurredAt: now.toISOString() },
          correlationId,
        );
        return;
      case 'cancelled':
        recordEvent(
          tx,
          MeetingCancelledEvtV1,
          { ...base, ...invitees, from, scheduledFor: meeting.startsAt.toISOString(), occurredAt: now.toISOString() },
          correlationId,
        );
        return;
      case 'held':
        recordEvent(
          tx,
          MeetingHeldEvtV1,
          { ...base, kind: meeting.kind, organisedBy: meeting.organisedBy, heldAt: (meeting.heldAt ?? now).toISOString(), startsAt: meeting.startsAt.toISOString(), timeZone: meeting.timeZone },
          correlationId,
        );
        return;
      case 'closed':
        recordEvent(tx, MeetingClosedEvtV1, { ...base, kind: meeting.kind, organisedBy: meeting.organisedBy, closedAt: now.toISOString() }, correlationId);
        return;
      default:
        return;
    }
  }

  /** Writes: NOT_FOUND when unknown or outside the actor's scope, so a meeting's existence is not revealed. */
  private async loadForWrite(tx: EntityManager, actor: Actor, id: string): Promise<Meeting> {
    // Row lock: two concurrent transitions of one meeting apply one after the other, each seeing the other's result.
    const meeting = await tx.findOne(Meeting, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new DomainException('meeting.not-found', 'Meeting not found');
    if (!actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) throw new DomainException('meeting.not-found', 'Meeting not found');
    return meeting;
  }

  private history(em: EntityManager, meetingId: string): Promise<MeetingStatusChange[]> {
    return em.find(MeetingStatusChange, { meetingId }, { orderBy: { changedAt: 'ASC' } });
  }
}
