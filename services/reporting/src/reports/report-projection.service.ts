import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type {
  ActionAssignedEvtV1,
  ActionStatus,
  ActionStatusChangedEvtV1,
  AttendanceRecordedEvtV1,
  CommunityStatus,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  ConcernTopic,
  DataOf,
  FeedbackRecordedEvtV1,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  OrganisedBy,
  Sensitivity,
} from '@rd/contracts';
import { DEFAULT_TIME_ZONE, quarterOf } from '@rd/contracts';
import { complianceRows, type CommunityQuarterRow, type MeetingFactForCompliance } from './compliance';
import { allDueDays, buildRawCounts, splitDueDays, sumCounts, withDueDays, type ActionRow, type DueDays, type AttendanceCells, type ComplianceFlags, type ConcernRow, type MeetingRow, type RawCounts } from './raw-counts';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';

// Every projection transaction takes this lock first: cells are recomputed from facts, and two transactions
// recomputing one cell from each other's uncommitted facts would lose an update.
const PROJECTION_LOCK = 7_007_016;

interface MeetingFactRecord {
  meeting_id: string;
  district_code: string;
  region_code: string | null;
  community_ids: string[];
  planned_quarter: string | null;
  planned_at: Date | null;
  scheduled_for: Date | null;
  rescheduled: boolean;
  cancelled_at: Date | null;
  held_quarter: string | null;
  held_at: Date | null;
  closed_at: Date | null;
  time_zone: string | null;
  organised_by: OrganisedBy | null;
  attendance: AttendanceCells | null;
  officials: number;
  attendance_at: Date | null;
  respondents: number;
  usefulness_sum: number;
  trust_sum: number;
  contact_first_count: number;
  feedback_at: Date | null;
  quarter?: string | null;
}

type MeetingState = MeetingRow['state'];

export function meetingState(m: Pick<MeetingFactRecord, 'held_quarter' | 'held_at' | 'closed_at' | 'cancelled_at' | 'rescheduled'>): MeetingState {
  if (m.held_quarter || m.held_at || m.closed_at) return 'held';
  if (m.cancelled_at) return 'cancelled';
  return m.rescheduled ? 'postponed' : 'scheduled';
}

/** Levels of the pre-aggregated cells. */
export type ReportCellLevel = 'community' | 'district' | 'region' | 'country';

/** Level name of the year cells (quarter column = the year), one per quarter level. */
export const YEAR_LEVEL: Readonly<Record<ReportCellLevel, string>> = { community: 'community-y', district: 'district-y', region: 'region-y', country: 'country-y' };

const date = (v: Date | string | null): Date | null => (v === null || v === undefined ? null : new Date(v));

/** Affected cells of one event: a district, some quarters, and the communities whose own cells change. */
interface Touch {
  districtCode: string;
  quarters: Set<string>;
  communityIds: Set<string>;
}

/**
 * Applies events to the reporting facts and recomputes the cells they touch, inside the caller's (inbox)
 * transaction. Every fact is merged so the final state does not depend on the order events arrive in:
 * newer times win, and cells are recomputed from facts, never incremented.
 */
@Injectable()
export class ReportProjectionService {
  /** Now, for the compliance horizon (tests move it). */
  clock: () => Date;

  constructor(@Inject(REPORTING_SETTINGS) settings: ReportingSettings) {
    this.clock = settings.clock;
  }

  async lock(tx: EntityManager): Promise<void> {
    await tx.execute('select pg_advisory_xact_lock(?)', [PROJECTION_LOCK]);
  }

  // ---- communities ----------------------------------------------------------------------------------

  /** community.created and the four status events: one status fact, then the community's compliance. */
  async onCommunityStatus(tx: EntityManager, e: { communityId: string; districtCode: string; regionCode: string; status: CommunityStatus; occurredAt: string }): Promise<void> {
    await this.lock(tx);
    await tx.execute(
      'insert into community_status_fact (community_id, occurred_at, status) values (?, ?, ?) on conflict do nothing',
      [e.communityId, new Date(e.occurredAt), e.status],
    );
    await this.learnDistrict(tx, e.districtCode, e.regionCode, null);
    const quarters = await this.recomputeCompliance(tx, e.communityId);
    await this.refresh(tx, { districtCode: e.districtCode, quarters: new Set(quarters), communityIds: new Set([e.communityId]) });
  }

  // ---- meetings -------------------------------------------------------------------------------------

  async onMeetingScheduled(tx: EntityManager, e: DataOf<typeof MeetingScheduledEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = e.occurredAt ? new Date(e.occurredAt) : new Date(0);
      applyNewestPlan(m, at, e.quarter, e.scheduledFor);
      if (e.timeZone) m.time_zone = e.timeZone;
      if (e.regionCode) m.region_code = e.regionCode;
    });
    await this.learnDistrict(tx, e.districtCode, e.regionCode ?? null, e.timeZone ?? null);
  }

  async onMeetingRescheduled(tx: EntityManager, e: DataOf<typeof MeetingRescheduledEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = new Date(e.occurredAt);
      applyNewestPlan(m, at, e.quarter, e.scheduledFor);
      m.rescheduled = true;
    });
  }

  async onMeetingCancelled(tx: EntityManager, e: DataOf<typeof MeetingCancelledEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = new Date(e.occurredAt);
      applyNewestPlan(m, at, e.quarter, e.scheduledFor);
      m.cancelled_at = at;
    });
  }

  async onMeetingHeld(tx: EntityManager, e: DataOf<typeof MeetingHeldEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      m.held_quarter = e.quarter;
      m.held_at = new Date(e.heldAt);
      m.organised_by = e.organisedBy;
      if (e.timeZone) m.time_zone = e.timeZone;
    });
    await this.learnDistrict(tx, e.districtCode, e.regionCode, e.timeZone ?? null);
  }

  async onMeetingClosed(tx: EntityManager, e: DataOf<typeof MeetingClosedEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      // A closed meeting was held: the held event, when known, stays the authority on when and for which quarter.
      if (!m.held_at) m.held_quarter = e.quarter;
      if (!m.organised_by || !m.held_at) m.organised_by = e.organisedBy;
      m.closed_at = new Date(e.closedAt);
    });
  }

  async onAttendanceRecorded(tx: EntityManager, e: DataOf<typeof AttendanceRecordedEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = new Date(e.occurredAt);
      if (m.attendance_at && m.attendance_at.getTime() > at.getTime()) return;
      m.attendance = e.counts;
      m.officials = e.officialsPresent;
      m.attendance_at = at;
    });
  }

  async onFeedbackRecorded(tx: EntityManager, e: DataOf<typeof FeedbackRecordedEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = new Date(e.occurredAt);
      // Each event carries the meeting's totals so far: the one with the most responses (then the newest) wins.
      if (m.feedback_at && (m.respondents > e.respondents || (m.respondents === e.respondents && m.feedback_at.getTime() > at.getTime()))) return;
      m.respondents = e.respondents;
      m.usefulness_sum = e.usefulnessAverage * e.respondents;
      m.trust_sum = e.trustAverage * e.respondents;
      m.contact_first_count = Math.round(e.contactPoliceFirstShare * e.respondents);
      m.feedback_at = at;
    });
  }

  // ---- concerns and actions -------------------------------------------------------------------------

  async onConcernRecorded(tx: EntityManager, e: DataOf<typeof ConcernRecordedEvtV1>): Promise<void> {
    await this.lock(tx);
    const at = new Date(e.occurredAt);
    const existing = await this.concern(tx, e.concernId);
    // The newer of this and a sensitivity change already applied decides topic and sensitivity.
    const kept = existing && existing.sensitivity_at.getTime() > at.getTime() ? existing : null;
    await this.writeConcern(tx, {
      concern_id: e.concernId,
      meeting_id: e.meetingId,
      district_code: e.districtCode,
      topic: kept ? kept.topic : e.topic,
      sensitivity: kept ? kept.sensitivity : e.sensitivity,
      sensitivity_at: kept ? kept.sensitivity_at : at,
      follow_up_needed: e.followUpNeeded,
      recorded_at: at,
      resolved_at: existing?.resolved_at ?? null,
      resolution_at: existing?.resolution_at ?? null,
    });
    await this.refreshMeeting(tx, e.meetingId);
  }

  async onConcernSensitivityChanged(tx: EntityManager, e: DataOf<typeof ConcernSensitivityChangedEvtV1>): Promise<void> {
    await this.lock(tx);
    const at = new Date(e.occurredAt);
    const existing = await this.concern(tx, e.concernId);
    if (existing && existing.sensitivity_at.getTime() > at.getTime()) return;
    await this.writeConcern(tx, {
      concern_id: e.concernId,
      meeting_id: e.meetingId,
      district_code: e.districtCode,
      topic: e.topic,
      sensitivity: e.to,
      sensitivity_at: at,
      follow_up_needed: existing?.follow_up_needed ?? null,
      recorded_at: existing?.recorded_at ?? null,
      resolved_at: existing?.resolved_at ?? null,
      resolution_at: existing?.resolution_at ?? null,
    });
    await this.refreshMeeting(tx, e.meetingId);
  }

  async onActionAssigned(tx: EntityManager, e: DataOf<typeof ActionAssignedEvtV1>): Promise<void> {
    await this.lock(tx);
    const at = new Date(e.occurredAt);
    const existing = await this.action(tx, e.actionId);
    // A status change already applied that is newer than the assignment keeps its status.
    const kept = existing && existing.status_at.getTime() >= at.getTime() ? existing : null;
    await this.writeAction(tx, {
      action_id: e.actionId,
      concern_id: e.concernId,
      meeting_id: e.meetingId,
      district_code: e.districtCode,
      status: kept ? kept.status : 'open',
      status_at: kept ? kept.status_at : at,
      due_date: e.dueDate,
    });
    await this.refreshMeeting(tx, e.meetingId);
  }

  async onActionStatusChanged(tx: EntityManager, e: DataOf<typeof ActionStatusChangedEvtV1>): Promise<void> {
    await this.lock(tx);
    const at = new Date(e.occurredAt);
    const existing = await this.action(tx, e.actionId);
    if (!existing || existing.status_at.getTime() <= at.getTime()) {
      await this.writeAction(tx, {
        action_id: e.actionId,
        concern_id: e.concernId,
        meeting_id: e.meetingId,
        district_code: e.districtCode,
        status: e.to,
        status_at: at,
        due_date: existing?.due_date ?? null,
      });
    }
    // The newest action change of the concern says whether it is resolved, and since when.
    const concern = await this.concern(tx, e.concernId);
    if (!concern || !concern.resolution_at || concern.resolution_at.getTime() <= at.getTime()) {
      await this.writeConcern(tx, {
        concern_id: e.concernId,
        meeting_id: e.meetingId,
        district_code: e.districtCode,
        topic: concern?.topic ?? e.topic,
        sensitivity: concern?.sensitivity ?? e.sensitivity,
        sensitivity_at: concern?.sensitivity_at ?? new Date(0),
        follow_up_needed: concern?.follow_up_needed ?? null,
        recorded_at: concern?.recorded_at ?? null,
        resolved_at: e.concernResolved ? at : null,
        resolution_at: at,
      });
    }
    await this.refreshMeeting(tx, e.meetingId);
  }

  // ---- time -------------------------------------------------------------------------------------------

  /**
   * Communities still active get a compliance row for each new quarter as time passes: run at start-up and
   * hourly. Recomputes only communities whose last row is older than the current quarter.
   */
  async extendHorizon(em: EntityManager): Promise<number> {
    const current = quarterOf(this.clock(), 'UTC');
    const stale = await em.execute<{ community_id: string; district_code: string }[]>(
      `select s.community_id, s.district_code from community_snapshot s
        where s.status = 'active'
          and coalesce((select max(q.quarter) from community_quarter q where q.community_id = s.community_id), '') < ?`,
      [current],
    );
    for (const row of stale) {
      await em.fork().transactional(async (tx) => {
        await this.lock(tx);
        const quarters = await this.recomputeCompliance(tx, row.community_id);
        await this.refresh(tx, { districtCode: row.district_code, quarters: new Set(quarters), communityIds: new Set([row.community_id]) });
      });
    }
    return stale.length;
  }

  // ---- internals ----------------------------------------------------------------------------------------

  private async onMeetingChange(
    tx: EntityManager,
    meetingId: string,
    e: { districtCode: string; regionCode?: string; communityIds?: string[] },
    merge: (m: MeetingFactRecord) => void,
  ): Promise<void> {
    await this.lock(tx);
    const before = await this.meeting(tx, meetingId);
    const m: MeetingFactRecord = before
      ? { ...before }
      : {
          meeting_id: meetingId,
          district_code: e.districtCode,
          region_code: e.regionCode ?? null,
          community_ids: e.communityIds ?? [],
          planned_quarter: null,
          planned_at: null,
          scheduled_for: null,
          rescheduled: false,
          cancelled_at: null,
          held_quarter: null,
          held_at: null,
          closed_at: null,
          time_zone: null,
          organised_by: null,
          attendance: null,
          officials: 0,
          attendance_at: null,
          respondents: 0,
          usefulness_sum: 0,
          trust_sum: 0,
          contact_first_count: 0,
          feedback_at: null,
        };
    if (e.communityIds?.length) m.community_ids = [...e.communityIds].sort();
    if (e.regionCode) m.region_code = e.regionCode;
    m.district_code = e.districtCode;
    merge(m);
    await tx.execute(
      `insert into meeting_fact (meeting_id, district_code, region_code, community_ids, planned_quarter, planned_at, scheduled_for, rescheduled,
         cancelled_at, held_quarter, held_at, closed_at, time_zone, organised_by, attendance, officials, attendance_at, respondents,
         usefulness_sum, trust_sum, contact_first_count, feedback_at)
       values (?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
       on conflict (meeting_id) do update set district_code = excluded.district_code, region_code = excluded.region_code,
         community_ids = excluded.community_ids, planned_quarter = excluded.planned_quarter, planned_at = excluded.planned_at,
         scheduled_for = excluded.scheduled_for, rescheduled = excluded.rescheduled, cancelled_at = excluded.cancelled_at,
         held_quarter = excluded.held_quarter, held_at = excluded.held_at, closed_at = excluded.closed_at, time_zone = excluded.time_zone,
         organised_by = excluded.organised_by, attendance = excluded.attendance, officials = excluded.officials,
         attendance_at = excluded.attendance_at, respondents = excluded.respondents, usefulness_sum = excluded.usefulness_sum,
         trust_sum = excluded.trust_sum, contact_first_count = excluded.contact_first_count, feedback_at = excluded.feedback_at`,
      [
        m.meeting_id,
        m.district_code,
        m.region_code,
        pgArray(m.community_ids),
        m.planned_quarter,
        m.planned_at,
        m.scheduled_for,
        m.rescheduled,
        m.cancelled_at,
        m.held_quarter,
        m.held_at,
        m.closed_at,
        m.time_zone,
        m.organised_by,
        m.attendance === null ? null : JSON.stringify(m.attendance),
        m.officials,
        m.attendance_at,
        m.respondents,
        m.usefulness_sum,
        m.trust_sum,
        m.contact_first_count,
        m.feedback_at,
      ],
    );
    const communities = new Set([...(before?.community_ids ?? []), ...m.community_ids]);
    const quarters = new Set<string>();
    for (const q of [before?.held_quarter ?? before?.planned_quarter, m.held_quarter ?? m.planned_quarter]) if (q) quarters.add(q);
    for (const communityId of communities) for (const q of await this.recomputeCompliance(tx, communityId)) quarters.add(q);
    await this.refresh(tx, { districtCode: m.district_code, quarters, communityIds: communities });
  }

  /** Cells of the meeting's quarter, after a concern or action of it changed. Unknown meeting: nothing yet. */
  private async refreshMeeting(tx: EntityManager, meetingId: string): Promise<void> {
    const m = await this.meeting(tx, meetingId);
    const quarter = m?.held_quarter ?? m?.planned_quarter;
    if (!m || !quarter) return;
    await this.refresh(tx, { districtCode: m.district_code, quarters: new Set([quarter]), communityIds: new Set(m.community_ids) });
  }

  private async learnDistrict(tx: EntityManager, districtCode: string, regionCode: string | null, timeZone: string | null): Promise<void> {
    await tx.execute(
      `insert into district_info (district_code, region_code, time_zone) values (?, ?, ?)
       on conflict (district_code) do update set region_code = coalesce(excluded.region_code, district_info.region_code),
         time_zone = coalesce(excluded.time_zone, district_info.time_zone)`,
      [districtCode, regionCode, timeZone],
    );
  }

  private async districtInfo(tx: EntityManager, districtCode: string): Promise<{ regionCode: string | null; timeZone: string }> {
    const [row] = await tx.execute<{ region_code: string | null; time_zone: string | null }[]>(
      'select region_code, time_zone from district_info where district_code = ?',
      [districtCode],
    );
    return { regionCode: row?.region_code ?? null, timeZone: row?.time_zone ?? DEFAULT_TIME_ZONE };
  }

  /** Rewrites a community's compliance rows; returns the quarters whose row changed (appeared, went or differs). */
  private async recomputeCompliance(tx: EntityManager, communityId: string): Promise<string[]> {
    const [snapshot] = await tx.execute<{ district_code: string; region_code: string }[]>(
      'select district_code, region_code from community_snapshot where community_id = ?',
      [communityId],
    );
    const old = await tx.execute<{ quarter: string; active_share: number; expected: boolean; held: boolean; held_on_time: boolean; planned: boolean }[]>(
      'select quarter, active_share, expected, held, held_on_time, planned from community_quarter where community_id = ?',
      [communityId],
    );
    if (!snapshot) return old.map((r) => r.quarter);
    const facts = await tx.execute<{ occurred_at: Date; status: CommunityStatus }[]>(
      'select occurred_at, status from community_status_fact where community_id = ?',
      [communityId],
    );
    const district = await this.districtInfo(tx, snapshot.district_code);
    const meetings = await tx.execute<MeetingFactRecord[]>('select * from meeting_fact where community_ids @> array[?]::uuid[]', [communityId]);
    const forCompliance: MeetingFactForCompliance[] = meetings
      .filter((m) => m.held_quarter ?? m.planned_quarter)
      .map((m) => ({
        meetingId: m.meeting_id,
        quarter: (m.held_quarter ?? m.planned_quarter) as string,
        state: meetingState(m),
        heldAt: date(m.held_at) ?? date(m.closed_at),
        timeZone: m.time_zone ?? district.timeZone,
        scheduledFor: date(m.scheduled_for),
      }));
    const rows = complianceRows(
      facts.map((f) => ({ at: new Date(f.occurred_at), status: f.status })),
      forCompliance,
      quarterOf(this.clock(), 'UTC'),
    );
    const key = (r: Pick<CommunityQuarterRow, 'activeShare' | 'expected' | 'held' | 'heldOnTime' | 'planned'>) =>
      `${r.activeShare.toFixed(9)}|${r.expected}|${r.held}|${r.heldOnTime}|${r.planned}`;
    const before = new Map(old.map((r) => [r.quarter, key({ activeShare: Number(r.active_share), expected: r.expected, held: r.held, heldOnTime: r.held_on_time, planned: r.planned })]));
    const after = new Map(rows.map((r) => [r.quarter, key(r)]));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((q) => before.get(q) !== after.get(q));
    if (changed.length === 0) return [];
    await tx.execute('delete from community_quarter where community_id = ?', [communityId]);
    for (const r of rows) {
      await tx.execute(
        `insert into community_quarter (community_id, quarter, district_code, region_code, active_share, expected, held, held_on_time, planned)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [communityId, r.quarter, snapshot.district_code, snapshot.region_code, r.activeShare, r.expected, r.held, r.heldOnTime, r.planned],
      );
    }
    // A community that moved district (not possible today) would also need its old district refreshed.
    return changed;
  }

  /** Recomputes the touched cells from facts: communities, the district, its region and the country. */
  async refresh(tx: EntityManager, touch: Touch): Promise<void> {
    if (touch.quarters.size === 0) return;
    const district = await this.districtInfo(tx, touch.districtCode);
    const now = this.clock();
    for (const quarter of touch.quarters) {
      const meetings = await tx.execute<MeetingFactRecord[]>('select * from meeting_fact where district_code = ? and quarter = ?', [touch.districtCode, quarter]);
      const ids = meetings.map((m) => m.meeting_id);
      const concerns = ids.length
        ? await tx.execute<{ meeting_id: string; topic: ConcernTopic; sensitivity: Sensitivity; follow_up_needed: boolean | null; recorded_at: Date; resolved_at: Date | null }[]>(
            'select meeting_id, topic, sensitivity, follow_up_needed, recorded_at, resolved_at from concern_fact where meeting_id = any(?::uuid[]) and recorded_at is not null',
            [pgArray(ids)],
          )
        : [];
      const actions = ids.length
        ? await tx.execute<{ meeting_id: string; status: ActionStatus; due_date: string | Date | null }[]>(
            'select meeting_id, status, due_date from action_fact where meeting_id = any(?::uuid[])',
            [pgArray(ids)],
          )
        : [];
      const compliance = await tx.execute<{ community_id: string; expected: boolean; held: boolean; held_on_time: boolean; planned: boolean; region_code: string | null }[]>(
        'select community_id, expected, held, held_on_time, planned, region_code from community_quarter where district_code = ? and quarter = ?',
        [touch.districtCode, quarter],
      );
      const meetingRows = meetings.map(toMeetingRow);
      const concernRows: ConcernRow[] = concerns.map((c) => ({
        meetingId: c.meeting_id,
        topic: c.topic,
        sensitivity: c.sensitivity,
        followUpNeeded: c.follow_up_needed === true,
        recordedAt: new Date(c.recorded_at),
        resolvedAt: date(c.resolved_at),
      }));
      const actionRows: ActionRow[] = actions.map((a) => ({ meetingId: a.meeting_id, status: a.status, dueDate: dueDateText(a.due_date) }));
      const flags = (r: (typeof compliance)[number]): ComplianceFlags => ({ expected: r.expected, held: r.held, heldOnTime: r.held_on_time, planned: r.planned });
      const regionCode = district.regionCode ?? compliance.find((r) => r.region_code)?.region_code ?? meetings.find((m) => m.region_code)?.region_code ?? null;

      await this.writeCell(tx, 'district', touch.districtCode, quarter, touch.districtCode, regionCode, district.timeZone, buildRawCounts(compliance.map(flags), meetingRows, concernRows, actionRows), now);

      for (const communityId of touch.communityIds) {
        const own = meetingRows.filter((_, i) => meetings[i].community_ids.includes(communityId));
        const ownIds = new Set(own.map((m) => m.meetingId));
        const [ownCompliance] = await tx.execute<{ expected: boolean; held: boolean; held_on_time: boolean; planned: boolean; district_code: string; region_code: string | null }[]>(
          'select expected, held, held_on_time, planned, district_code, region_code from community_quarter where community_id = ? and quarter = ?',
          [communityId, quarter],
        );
        const raw = buildRawCounts(
          ownCompliance ? [{ expected: ownCompliance.expected, held: ownCompliance.held, heldOnTime: ownCompliance.held_on_time, planned: ownCompliance.planned }] : [],
          own,
          concernRows.filter((c) => ownIds.has(c.meetingId)),
          actionRows.filter((a) => ownIds.has(a.meetingId)),
        );
        const [snapshot] = await tx.execute<{ district_code: string; region_code: string }[]>(
          'select district_code, region_code from community_snapshot where community_id = ?',
          [communityId],
        );
        await this.writeCell(tx, 'community', communityId, quarter, snapshot?.district_code ?? touch.districtCode, snapshot?.region_code ?? regionCode, district.timeZone, raw, now);
      }

      if (regionCode) {
        const districts = await tx.execute<StoredCounts[]>("select counts, due_days from report_cell where level = 'district' and region_code = ? and quarter = ?", [regionCode, quarter]);
        await this.writeCell(tx, 'region', regionCode, quarter, null, regionCode, null, sumStored(districts), now);
      }
      const all = await tx.execute<StoredCounts[]>("select counts, due_days from report_cell where level = 'district' and quarter = ?", [quarter]);
      await this.writeCell(tx, 'country', '', quarter, null, null, null, sumStored(all), now);
    }
  }

  private async writeCell(
    tx: EntityManager,
    level: ReportCellLevel,
    code: string,
    quarter: string,
    districtCode: string | null,
    regionCode: string | null,
    timeZone: string | null,
    counts: RawCounts,
    at: Date,
  ): Promise<void> {
    if (Object.keys(counts).length === 0 && level === 'community') {
      await tx.execute('delete from report_cell where level = ? and code = ? and quarter = ?', [level, code, quarter]);
    } else {
      await this.upsertCell(tx, level, code, quarter, districtCode, regionCode, timeZone, counts, at);
    }
    // The year cell (sum of its four quarters) lets a long range read a quarter of the rows.
    const year = quarter.slice(0, 4);
    const quarters = await tx.execute<StoredCounts[]>('select counts, due_days from report_cell where level = ? and code = ? and quarter = any(?::text[])', [
      level,
      code,
      `{${[1, 2, 3, 4].map((q) => `${year}-Q${q}`).join(',')}}`,
    ]);
    if (quarters.length === 0) {
      await tx.execute('delete from report_cell where level = ? and code = ? and quarter = ?', [YEAR_LEVEL[level], code, year]);
    } else {
      await this.upsertCell(tx, YEAR_LEVEL[level], code, year, districtCode, regionCode, timeZone, sumStored(quarters), at);
    }
  }

  private async upsertCell(
    tx: EntityManager,
    level: string,
    code: string,
    period: string,
    districtCode: string | null,
    regionCode: string | null,
    timeZone: string | null,
    counts: RawCounts,
    at: Date,
  ): Promise<void> {
    const { counts: stored, dueDays } = splitDueDays(counts);
    await tx.execute(
      `insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, due_days, updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
       on conflict (level, code, quarter) do update set district_code = excluded.district_code, region_code = excluded.region_code,
         time_zone = excluded.time_zone, counts = excluded.counts, due_days = excluded.due_days, updated_at = excluded.updated_at`,
      [level, code, period, districtCode, regionCode, timeZone, JSON.stringify(stored), JSON.stringify(dueDays), at],
    );
  }

  private async meeting(tx: EntityManager, meetingId: string): Promise<MeetingFactRecord | null> {
    const [row] = await tx.execute<MeetingFactRecord[]>('select * from meeting_fact where meeting_id = ?', [meetingId]);
    if (!row) return null;
    return {
      ...row,
      planned_at: date(row.planned_at),
      scheduled_for: date(row.scheduled_for),
      cancelled_at: date(row.cancelled_at),
      held_at: date(row.held_at),
      closed_at: date(row.closed_at),
      attendance_at: date(row.attendance_at),
      feedback_at: date(row.feedback_at),
      usefulness_sum: Number(row.usefulness_sum),
      trust_sum: Number(row.trust_sum),
      contact_first_count: Number(row.contact_first_count),
    };
  }

  private async concern(tx: EntityManager, concernId: string) {
    const [row] = await tx.execute<
      { topic: ConcernTopic; sensitivity: Sensitivity; sensitivity_at: Date; follow_up_needed: boolean | null; recorded_at: Date | null; resolved_at: Date | null; resolution_at: Date | null }[]
    >('select topic, sensitivity, sensitivity_at, follow_up_needed, recorded_at, resolved_at, resolution_at from concern_fact where concern_id = ?', [concernId]);
    if (!row) return null;
    return { ...row, sensitivity_at: new Date(row.sensitivity_at), recorded_at: date(row.recorded_at), resolved_at: date(row.resolved_at), resolution_at: date(row.resolution_at) };
  }

  private async writeConcern(
    tx: EntityManager,
    c: {
      concern_id: string;
      meeting_id: string;
      district_code: string;
      topic: ConcernTopic;
      sensitivity: Sensitivity;
      sensitivity_at: Date;
      follow_up_needed: boolean | null;
      recorded_at: Date | null;
      resolved_at: Date | null;
      resolution_at: Date | null;
    },
  ): Promise<void> {
    await tx.execute(
      `insert into concern_fact (concern_id, meeting_id, district_code, topic, sensitivity, sensitivity_at, follow_up_needed, recorded_at, resolved_at, resolution_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (concern_id) do update set meeting_id = excluded.meeting_id, district_code = excluded.district_code, topic = excluded.topic,
         sensitivity = excluded.sensitivity, sensitivity_at = excluded.sensitivity_at, follow_up_needed = excluded.follow_up_needed,
         recorded_at = excluded.recorded_at, resolved_at = excluded.resolved_at, resolution_at = excluded.resolution_at`,
      [c.concern_id, c.meeting_id, c.district_code, c.topic, c.sensitivity, c.sensitivity_at, c.follow_up_needed, c.recorded_at, c.resolved_at, c.resolution_at],
    );
  }

  private async action(tx: EntityManager, actionId: string) {
    const [row] = await tx.execute<{ status: ActionStatus; status_at: Date; due_date: string | Date | null }[]>(
      'select status, status_at, due_date from action_fact where action_id = ?',
      [actionId],
    );
    if (!row) return null;
    return { status: row.status, status_at: new Date(row.status_at), due_date: row.due_date === null ? null : dueDateText(row.due_date) };
  }

  private async writeAction(
    tx: EntityManager,
    a: { action_id: string; concern_id: string; meeting_id: string; district_code: string; status: ActionStatus; status_at: Date; due_date: string | null },
  ): Promise<void> {
    await tx.execute(
      `insert into action_fact (action_id, concern_id, meeting_id, district_code, status, status_at, due_date) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (action_id) do update set concern_id = excluded.concern_id, meeting_id = excluded.meeting_id, district_code = excluded.district_code,
         status = excluded.status, status_at = excluded.status_at, due_date = coalesce(excluded.due_date, action_fact.due_date)`,
      [a.action_id, a.concern_id, a.meeting_id, a.district_code, a.status, a.status_at, a.due_date],
    );
  }
}

/** A JS array as a PostgreSQL array literal (ids only: no quoting needed). */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

function dueDateText(value: string | Date | null): string {
  if (value === null) return '9999-12-31';
  if (value instanceof Date) {
    // pg returns a `date` as local midnight; take the calendar day back out.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${p(value.getMonth() + 1)}-${p(value.getDate())}`;
  }
  return value.slice(0, 10);
}

export function toMeetingRow(m: MeetingFactRecord): MeetingRow {
  return {
    meetingId: m.meeting_id,
    state: meetingState(m),
    organisedBy: m.organised_by,
    attendance: m.attendance,
    officials: m.officials,
    respondents: m.respondents,
    usefulnessSum: Number(m.usefulness_sum),
    trustSum: Number(m.trust_sum),
    contactFirstCount: Number(m.contact_first_count),
  };
}

/** A stored cell's counts and its due-date days (kept in their own column). */
interface StoredCounts {
  counts: RawCounts;
  due_days: DueDays | null;
}

/** Key-wise sum of stored cells, day keys included. */
function sumStored(rows: readonly StoredCounts[]): RawCounts {
  return sumCounts(rows.map((r) => withDueDays(r.counts, allDueDays(r.due_days))));
}

/** Events may arrive out of order: the plan (quarter, date) of the newest scheduling event wins. */
function applyNewestPlan(m: MeetingFactRecord, at: Date, quarter: string, scheduledFor: string): void {
  if (m.planned_at && m.planned_at.getTime() > at.getTime()) return;
  m.planned_quarter = quarter;
  m.planned_at = at;
  m.scheduled_for = new Date(scheduledFor);
}
