import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  AttendanceRecordedEvtV1,
  CommunityStatus,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  DataOf,
  FeedbackRecordedEvtV1,
  FeedbackRecordedEvtV2,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
} from '@rd/contracts';
import { quarterOf } from '@rd/contracts';
import { recomputeCompliance } from './community-compliance';
import { refreshCells } from './report-cells';
import {
  learnDistrict,
  newMeetingFact,
  readActionFact,
  readConcernFact,
  readMeetingFact,
  writeActionFact,
  writeConcernFact,
  writeMeetingFact,
  type MeetingFactRecord,
} from './report-facts';
import { refreshDistrictSummary } from '../district-reports/district-summary.repository';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';
import type { AnswerSums, SelfReportedTotals } from './raw-counts';

// Every projection transaction takes this lock first: cells are recomputed from facts, and two transactions
// recomputing one cell from each other's uncommitted facts would lose an update.
const PROJECTION_LOCK = 7_007_016;

/** What one event leaves to recompute in a district: compliance rows of some communities, then cells. */
interface Refresh {
  districtCode: string;
  /** Communities whose compliance rows are recomputed (the quarters that change join `quarters`). */
  compliance: Iterable<string>;
  quarters: Iterable<string>;
  /** Communities whose own cells are recomputed. */
  communityIds: Iterable<string>;
}

/** A batch's refreshes, merged per district, and the district summaries it changed (see `deferred`). */
interface PendingRefreshes {
  districts: Map<string, { compliance: Set<string>; quarters: Set<string>; communityIds: Set<string> }>;
  summaries: Map<string, { regionCode: string; at: Date }>;
}

/**
 * Applies events to the reporting facts (report-facts.ts), then recomputes the compliance rows
 * (community-compliance.ts) and the cells (report-cells.ts) they touch, inside the caller's (inbox) transaction.
 * Every fact is merged so the final state does not depend on the order events arrive in: newer times win, and
 * cells are recomputed from facts, never incremented.
 */
@Injectable()
export class ReportProjectionService {
  /** Now, for the compliance horizon (tests move it). */
  clock: () => Date;

  constructor(@Inject(REPORTING_SETTINGS) settings: ReportingSettings) {
    this.clock = settings.clock;
  }

  /** Batches in progress, by their transaction: their refreshes wait for the end of the batch. */
  private readonly pending = new WeakMap<EntityManager, PendingRefreshes>();

  async lock(tx: EntityManager): Promise<void> {
    await tx.execute('select pg_advisory_xact_lock(?)', [PROJECTION_LOCK]);
  }

  /**
   * Runs a batch of events in `tx` with their recomputations deferred to its end: each district summary, compliance
   * row and cell the batch touched is recomputed once, from the facts as the whole batch left them, before the commit.
   * The same result as one event at a time (everything derived is recomputed from facts), without recounting a district
   * of thousands of communities after each of them (ADR 0043).
   */
  async deferred(tx: EntityManager, run: () => Promise<void>): Promise<void> {
    const pending: PendingRefreshes = { districts: new Map(), summaries: new Map() };
    this.pending.set(tx, pending);
    try {
      await run();
    } finally {
      this.pending.delete(tx);
    }
    for (const [districtCode, { regionCode, at }] of pending.summaries) await refreshDistrictSummary(tx, districtCode, regionCode, at);
    for (const [districtCode, refresh] of pending.districts) await this.recompute(tx, { districtCode, ...refresh });
  }

  /** The district's summary (communities by status) after a community event; at the end of the batch, if in one. */
  async districtSummaryChanged(tx: EntityManager, districtCode: string, regionCode: string, at: Date): Promise<void> {
    const pending = this.pending.get(tx);
    if (pending) pending.summaries.set(districtCode, { regionCode, at });
    else await refreshDistrictSummary(tx, districtCode, regionCode, at);
  }

  // ---- communities ----------------------------------------------------------------------------------

  /** community.created and the four status events: one status fact (from when it took effect), then the community's compliance. */
  async onCommunityStatus(
    tx: EntityManager,
    e: { communityId: string; districtCode: string; regionCode: string; status: CommunityStatus; occurredAt: string; effectiveAt?: string },
  ): Promise<void> {
    await this.lock(tx);
    await tx.execute(
      'insert into community_status_fact (community_id, occurred_at, status, effective_at) values (?, ?, ?, ?) on conflict do nothing',
      [e.communityId, new Date(e.occurredAt), e.status, e.effectiveAt ? new Date(e.effectiveAt) : null],
    );
    await learnDistrict(tx, e.districtCode, e.regionCode, null);
    await this.refresh(tx, { districtCode: e.districtCode, compliance: [e.communityId], quarters: [], communityIds: [e.communityId] });
  }

  // ---- meetings -------------------------------------------------------------------------------------

  async onMeetingScheduled(tx: EntityManager, e: DataOf<typeof MeetingScheduledEvtV1>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = e.occurredAt ? new Date(e.occurredAt) : new Date(0);
      applyNewestPlan(m, at, e.quarter, e.scheduledFor);
      if (e.timeZone) m.time_zone = e.timeZone;
      if (e.regionCode) m.region_code = e.regionCode;
    });
    await learnDistrict(tx, e.districtCode, e.regionCode ?? null, e.timeZone ?? null);
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
    await learnDistrict(tx, e.districtCode, e.regionCode, e.timeZone ?? null);
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

  /** v1 came before answers had a source: all of them were entered by staff. */
  async onFeedbackRecorded(tx: EntityManager, e: DataOf<typeof FeedbackRecordedEvtV1> | DataOf<typeof FeedbackRecordedEvtV2>): Promise<void> {
    await this.onMeetingChange(tx, e.meetingId, e, (m) => {
      const at = new Date(e.occurredAt);
      // Each event carries the meeting's totals so far: the one with the most responses (then the newest) wins.
      if (m.feedback_at && (m.respondents > e.respondents || (m.respondents === e.respondents && m.feedback_at.getTime() > at.getTime()))) return;
      m.respondents = e.respondents;
      m.usefulness_sum = e.usefulnessAverage * e.respondents;
      m.trust_sum = e.trustAverage * e.respondents;
      m.contact_first_count = Math.round(e.contactPoliceFirstShare * e.respondents);
      m.feedback_self = 'bySource' in e ? selfReportedTotals(e.bySource) : null;
      m.feedback_at = at;
    });
  }

  // ---- concerns and actions -------------------------------------------------------------------------

  async onConcernRecorded(tx: EntityManager, e: DataOf<typeof ConcernRecordedEvtV1>): Promise<void> {
    await this.lock(tx);
    const at = new Date(e.occurredAt);
    const existing = await readConcernFact(tx, e.concernId);
    // The newer of this and a sensitivity change already applied decides topic and sensitivity.
    const kept = existing && existing.sensitivity_at.getTime() > at.getTime() ? existing : null;
    await writeConcernFact(tx, {
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
    const existing = await readConcernFact(tx, e.concernId);
    if (existing && existing.sensitivity_at.getTime() > at.getTime()) return;
    await writeConcernFact(tx, {
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
    const existing = await readActionFact(tx, e.actionId);
    // A status change already applied that is newer than the assignment keeps its status.
    const kept = existing && existing.status_at.getTime() >= at.getTime() ? existing : null;
    await writeActionFact(tx, {
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
    const existing = await readActionFact(tx, e.actionId);
    if (!existing || existing.status_at.getTime() <= at.getTime()) {
      await writeActionFact(tx, {
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
    const concern = await readConcernFact(tx, e.concernId);
    if (!concern || !concern.resolution_at || concern.resolution_at.getTime() <= at.getTime()) {
      await writeConcernFact(tx, {
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
        await this.recompute(tx, { districtCode: row.district_code, compliance: [row.community_id], quarters: [], communityIds: [row.community_id] });
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
    const before = await readMeetingFact(tx, meetingId);
    const m: MeetingFactRecord = before ? { ...before } : newMeetingFact(meetingId, e);
    if (e.communityIds?.length) m.community_ids = [...e.communityIds].sort();
    if (e.regionCode) m.region_code = e.regionCode;
    m.district_code = e.districtCode;
    merge(m);
    await writeMeetingFact(tx, m);
    const communities = new Set([...(before?.community_ids ?? []), ...m.community_ids]);
    const quarters = [before?.held_quarter ?? before?.planned_quarter, m.held_quarter ?? m.planned_quarter].filter((q): q is string => Boolean(q));
    await this.refresh(tx, { districtCode: m.district_code, compliance: communities, quarters, communityIds: communities });
  }

  /** Cells of the meeting's quarter, after a concern or action of it changed. Unknown meeting: nothing yet. */
  private async refreshMeeting(tx: EntityManager, meetingId: string): Promise<void> {
    const m = await readMeetingFact(tx, meetingId);
    const quarter = m?.held_quarter ?? m?.planned_quarter;
    if (!m || !quarter) return;
    await this.refresh(tx, { districtCode: m.district_code, compliance: [], quarters: [quarter], communityIds: m.community_ids });
  }

  /** Recomputes now, or, inside a batch (`deferred`), once at its end. */
  private async refresh(tx: EntityManager, refresh: Refresh): Promise<void> {
    const pending = this.pending.get(tx);
    if (!pending) return this.recompute(tx, refresh);
    const district = pending.districts.get(refresh.districtCode) ?? { compliance: new Set<string>(), quarters: new Set<string>(), communityIds: new Set<string>() };
    pending.districts.set(refresh.districtCode, district);
    for (const id of refresh.compliance) district.compliance.add(id);
    for (const q of refresh.quarters) district.quarters.add(q);
    for (const id of refresh.communityIds) district.communityIds.add(id);
  }

  /** Compliance rows of the communities, then the cells of every quarter that changed or was named. */
  private async recompute(tx: EntityManager, refresh: Refresh): Promise<void> {
    const quarters = new Set(refresh.quarters);
    for (const communityId of refresh.compliance) for (const q of await recomputeCompliance(tx, communityId, this.clock())) quarters.add(q);
    await refreshCells(tx, { districtCode: refresh.districtCode, quarters, communityIds: new Set(refresh.communityIds) }, this.clock());
  }
}

/** Events may arrive out of order: the plan (quarter, date) of the newest scheduling event wins. */
function applyNewestPlan(m: MeetingFactRecord, at: Date, quarter: string, scheduledFor: string): void {
  if (m.planned_at && m.planned_at.getTime() > at.getTime()) return;
  m.planned_quarter = quarter;
  m.planned_at = at;
  m.scheduled_for = new Date(scheduledFor);
}

/** The sums of the self-reported sources from an event's per-source averages. */
function selfReportedTotals(bySource: DataOf<typeof FeedbackRecordedEvtV2>['bySource']): SelfReportedTotals {
  const sums = ({ respondents: n, usefulnessAverage, trustAverage, contactPoliceFirstShare }: DataOf<typeof FeedbackRecordedEvtV2>['bySource']['resident']): AnswerSums => ({
    n,
    usefulnessSum: usefulnessAverage * n,
    trustSum: trustAverage * n,
    firstCount: Math.round(contactPoliceFirstShare * n),
  });
  return { resident: sums(bySource.resident), kiosk: sums(bySource.kiosk) };
}
