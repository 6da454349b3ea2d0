import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  attendanceTotal,
  ConcernRecordedEvtV1,
  dateInZone,
  DomainException,
  FeedbackRecordedEvtV2,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingScheduledEvtV1,
  AttendanceRecordedEvtV1,
  quarterOf,
  type Actor,
  type FieldError,
  type ImportRowError,
  type MeetingStatus,
  type NumberedPastReportingDayRow,
  type PastReportingDayInput,
  type PastReportingDayView,
  type ReplyOf,
  type ApplyPastReportingDayImportCmdV1,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { MeetingAttendance } from '../attendance/meeting-attendance.entity';
import { attendanceRecordedPayload } from '../attendance/meeting-attendance.mapper';
import { Concern } from '../concerns/concern.entity';
import { concernRecordedPayload } from '../concerns/concern.mapper';
import { FeedbackResponse } from '../feedback/feedback-response.entity';
import { feedbackRecordedPayload } from '../feedback/feedback-summary';
import { MeetingReferences } from '../meetings/meeting-references';
import { MeetingStatusChange } from '../meetings/meeting-status-change.entity';
import { Meeting } from '../meetings/meeting.entity';
import { requirePermission } from '../meetings/meetings.service';
import { COUNT_ONLY_TEXT, heldAtFor, heldOnError, pastReportingDayErrors, responsesFromCounts } from './past-reporting-day-rules';

/** A reporting day whose community and district were found in the caller's scope: ready to be written. */
interface Resolved {
  input: PastReportingDayInput;
  districtCode: string;
  regionCode: string;
  timeZone: string;
}

const TITLE = 'Reporting day (recorded afterwards)';
const VENUE = 'Recorded afterwards';
const LIFECYCLE: readonly [MeetingStatus, MeetingStatus][] = [
  ['draft', 'scheduled'],
  ['scheduled', 'held'],
  ['held', 'closed'],
];
// Reading communities one request at a time per row would take minutes for 2,000 rows; a few at once is enough.
const LOOKUPS_AT_ONCE = 8;

const duplicate = (heldOn: string) => `a reporting day on ${heldOn} is already recorded for this community`;

/**
 * Reporting days held before the software (docs/adr/0035-programme-history.md): each becomes a closed meeting marked
 * recordedAfterwards, with its attendance, one count-only concern per concern counted and one anonymous response per
 * respondent, and the events reporting already consumes, all in one transaction with the outbox.
 */
@Injectable()
export class PastReportingDaysService {
  constructor(
    private readonly em: EntityManager,
    private readonly references: MeetingReferences,
  ) {}

  async record(actor: Actor, input: PastReportingDayInput, correlationId: string): Promise<PastReportingDayView> {
    requirePermission(actor, 'history:record');
    const community = await this.references.communityOf(actor, input.communityId, correlationId);
    if (!community) throw new DomainException('community.not-found', 'Community not found');
    const place = await this.references.placeOf(actor, { districtCode: community.districtCode, communityIds: [] }, correlationId);
    if (input.facilitatingOrganisationId) {
      await this.references.checkOrganisations(actor, { districtCode: place.code, regionCode: place.regionCode }, input, correlationId);
    }
    const shape = pastReportingDayErrors(input);
    if (shape.length) throw new DomainException('request.invalid', 'Some fields are invalid', shape);
    const future = heldOnError(input.heldOn, dateInZone(new Date(), place.timeZone));
    if (future) throw new DomainException('request.unprocessable', future.message, [future]);
    const resolved: Resolved = { input, districtCode: place.code, regionCode: place.regionCode, timeZone: place.timeZone };
    try {
      return await this.em.transactional(async (tx) => {
        if (await this.alreadyRecorded(tx, input.communityId, input.heldOn)) throw new DomainException('resource.conflict', duplicate(input.heldOn), 'heldOn');
        return this.write(tx, actor, resolved, correlationId);
      });
    } catch (error) {
      // Two requests for the same community and day at once: the unique index lets one through.
      if (error instanceof UniqueConstraintViolationException) throw new DomainException('resource.conflict', duplicate(input.heldOn), 'heldOn');
      throw error;
    }
  }

  /** Import rows checked without writing: every problem, by row. */
  async check(actor: Actor, rows: readonly NumberedPastReportingDayRow[], correlationId: string): Promise<ImportRowError[]> {
    requirePermission(actor, 'history:record');
    const { errors } = await this.resolveRows(this.em.fork(), actor, rows, correlationId);
    return errors;
  }

  /** All rows in one transaction, or none: any problem rejects the whole file. */
  async apply(actor: Actor, rows: readonly NumberedPastReportingDayRow[], correlationId: string): Promise<ReplyOf<typeof ApplyPastReportingDayImportCmdV1>> {
    requirePermission(actor, 'history:record');
    try {
      return await this.em.transactional(async (tx) => {
        const { errors, resolved } = await this.resolveRows(tx, actor, rows, correlationId);
        if (errors.length) return { outcome: 'rejected' as const, errors };
        const created = [];
        for (const [row, day] of resolved) {
          const view = await this.write(tx, actor, day, correlationId);
          created.push({ row, meetingId: view.meetingId, communityId: view.communityId, heldOn: view.heldOn });
        }
        return { outcome: 'applied' as const, created };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        return { outcome: 'rejected', errors: [{ row: 0, field: 'heldOn', message: 'a reporting day in the file was recorded by someone else meanwhile; check again' }] };
      }
      throw error;
    }
  }

  /** Finds each row's community and district in the caller's scope and checks what only the service knows. */
  private async resolveRows(
    em: EntityManager,
    actor: Actor,
    rows: readonly NumberedPastReportingDayRow[],
    correlationId: string,
  ): Promise<{ errors: ImportRowError[]; resolved: [number, Resolved][] }> {
    const ids = [...new Set(rows.flatMap((r) => (r.data.communityId ? [r.data.communityId] : [])))];
    const communities = new Map(await inBatches(ids, async (id) => [id, await this.references.communityOf(actor, id, correlationId)] as const));
    const districtCodes = [...new Set([...communities.values()].flatMap((c) => (c ? [c.districtCode] : [])))];
    const places = new Map(
      await inBatches(districtCodes, async (code) => [code, await this.references.placeOf(actor, { districtCode: code, communityIds: [] }, correlationId)] as const),
    );
    const existing = await this.recordedDays(em, ids);
    const inFile = new Map<string, number>();
    const errors: ImportRowError[] = [];
    const resolved: [number, Resolved][] = [];
    const now = new Date();
    for (const { row, data } of rows) {
      const rowErrors: FieldError[] = [];
      const community = data.communityId ? communities.get(data.communityId) : null;
      const place = community ? places.get(community.districtCode) : undefined;
      if (!community || !place) {
        rowErrors.push({ field: data.communityId ? 'communityId' : 'communityName', message: 'no such community in your districts' });
      } else {
        rowErrors.push(...pastReportingDayErrors(data));
        const future = heldOnError(data.heldOn, dateInZone(now, place.timeZone));
        if (future) rowErrors.push(future);
        const key = `${community.id}/${data.heldOn}`;
        if (existing.has(key)) rowErrors.push({ field: 'heldOn', message: duplicate(data.heldOn) });
        else if (inFile.has(key)) rowErrors.push({ field: 'heldOn', message: `the same community and day as row ${inFile.get(key)}` });
        inFile.set(key, inFile.get(key) ?? row);
        const input: PastReportingDayInput = { ...data, communityId: community.id };
        delete (input as Partial<typeof data>).communityName;
        delete (input as Partial<typeof data>).districtCode;
        resolved.push([row, { input, districtCode: place.code, regionCode: place.regionCode, timeZone: place.timeZone }]);
      }
      errors.push(...rowErrors.map((e) => ({ row, field: e.field, message: e.message })));
    }
    return { errors, resolved };
  }

  private async alreadyRecorded(em: EntityManager, communityId: string, heldOn: string): Promise<boolean> {
    return (await this.recordedDays(em, [communityId])).has(`${communityId}/${heldOn}`);
  }

  /** `community/day` of every reporting day recorded afterwards for these communities. */
  private async recordedDays(em: EntityManager, communityIds: readonly string[]): Promise<Set<string>> {
    if (communityIds.length === 0) return new Set();
    const rows = await em.execute<{ community_id: string; held_on: string | Date }[]>(
      'select community_id, held_on from past_reporting_day where community_id in (?)',
      [communityIds],
    );
    return new Set(rows.map((r) => `${r.community_id}/${typeof r.held_on === 'string' ? r.held_on.slice(0, 10) : r.held_on.toISOString().slice(0, 10)}`));
  }

  /** The meeting, its history, attendance, concerns and responses, and their events (in lifecycle order). */
  private async write(tx: EntityManager, actor: Actor, day: Resolved, correlationId: string): Promise<PastReportingDayView> {
    const { input, timeZone } = day;
    const now = new Date();
    const heldAt = heldAtFor(input.heldOn, timeZone, now);
    const quarter = quarterOf(heldAt, timeZone);
    const meeting = tx.create(Meeting, {
      kind: 'local',
      title: TITLE,
      communityIds: [input.communityId],
      districtCode: day.districtCode,
      regionCode: day.regionCode,
      timeZone,
      startsAt: heldAt,
      quarter,
      venueName: input.venueName ?? VENUE,
      venueType: 'other',
      facilitatingOrganisationId: input.facilitatingOrganisationId ?? null,
      organisedBy: input.organisedBy,
      status: 'closed',
      statusChangedAt: now,
      heldAt,
      closedAt: now,
      recordedAfterwards: true,
      createdBy: actor.userId,
    });
    // The rows below reference the meeting row (no ORM relation orders the inserts): write it first.
    await tx.flush();
    LIFECYCLE.forEach(([from, to], i) =>
      tx.create(MeetingStatusChange, { meetingId: meeting.id, fromStatus: from, toStatus: to, reason: VENUE, changedBy: actor.userId, changedAt: new Date(now.getTime() + i) }),
    );
    await tx.execute('insert into past_reporting_day (meeting_id, community_id, held_on, district_code, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)', [
      meeting.id,
      input.communityId,
      input.heldOn,
      day.districtCode,
      actor.userId,
      now,
    ]);
    const base = { meetingId: meeting.id, communityIds: [input.communityId], districtCode: day.districtCode, regionCode: day.regionCode, quarter };
    const occurredAt = now.toISOString();
    recordEvent(
      tx,
      MeetingScheduledEvtV1,
      { ...base, scheduledFor: heldAt.toISOString(), timeZone, occurredAt, recordedAfterwards: true },
      correlationId,
    );
    recordEvent(
      tx,
      MeetingHeldEvtV1,
      { ...base, kind: meeting.kind, organisedBy: meeting.organisedBy, heldAt: heldAt.toISOString(), startsAt: heldAt.toISOString(), timeZone, recordedAfterwards: true },
      correlationId,
    );

    const attendance = tx.create(MeetingAttendance, {
      meetingId: meeting.id,
      districtCode: day.districtCode,
      regionCode: day.regionCode,
      counts: input.attendance.counts,
      total: attendanceTotal(input.attendance.counts),
      byCommunity: [],
      officials: [],
      staffIntroducedContactIds: [],
      recordedBy: actor.userId,
      recordedAt: now,
    });
    recordEvent(tx, AttendanceRecordedEvtV1, attendanceRecordedPayload(attendance), correlationId);

    let concerns = 0;
    for (const counted of input.concerns) {
      for (let i = 0; i < counted.count; i += 1) {
        const concern = tx.create(Concern, {
          meetingId: meeting.id,
          districtCode: day.districtCode,
          regionCode: day.regionCode,
          topic: counted.topic,
          sensitivity: counted.sensitivity,
          text: COUNT_ONLY_TEXT,
          recordedBy: actor.userId,
          createdAt: now,
        });
        recordEvent(tx, ConcernRecordedEvtV1, concernRecordedPayload(concern, now), correlationId);
        concerns += 1;
      }
    }

    // Anonymous and without comments: the counts say nothing more.
    const answers = (input.feedback ? responsesFromCounts(input.feedback) : []).map((answer) => ({ ...answer, comment: null, gender: null, ageGroup: null, source: 'staff' as const }));
    for (const answer of answers) tx.create(FeedbackResponse, { meetingId: meeting.id, ...answer, recordedBy: actor.userId, createdAt: now });
    if (answers.length) {
      const place = { meetingId: meeting.id, districtCode: day.districtCode, regionCode: day.regionCode };
      recordEvent(tx, FeedbackRecordedEvtV2, feedbackRecordedPayload(place, answers.length, answers, now), correlationId);
    }
    recordEvent(tx, MeetingClosedEvtV1, { ...base, kind: meeting.kind, organisedBy: meeting.organisedBy, closedAt: occurredAt, recordedAfterwards: true }, correlationId);
    await tx.flush();
    return {
      meetingId: meeting.id,
      communityId: input.communityId,
      districtCode: day.districtCode,
      regionCode: day.regionCode,
      heldOn: input.heldOn,
      quarter,
      organisedBy: input.organisedBy,
      attendees: attendance.total,
      concerns,
      respondents: answers.length,
      recordedBy: actor.userId,
      recordedAt: occurredAt,
    };
  }
}

/** Runs `fn` over `items`, a few at a time, keeping their order. */
async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += LOOKUPS_AT_ONCE) out.push(...(await Promise.all(items.slice(i, i + LOOKUPS_AT_ONCE).map(fn))));
  return out;
}
