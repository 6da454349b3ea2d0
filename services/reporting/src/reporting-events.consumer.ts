import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  AttendanceRecordedEvtV1,
  COMMUNITY_STATUS_EVENTS,
  CommunityCreatedEvtV1,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  FeedbackRecordedEvtV1,
  FeedbackRecordedEvtV2,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
} from '@rd/contracts';
import { EventTableHost, eventTable, onEvent, type EventBinding } from '@rd/messaging';
import { DistrictReportsService } from './district-reports/district-reports.service';
import { ReportProjectionService } from './reports/report-projection.service';

/**
 * The events reporting derives its read models from: community events keep the district summaries, meetings events
 * the report facts. Each message is applied once, in one transaction with its effect (a pull's messages share one),
 * and acked after the commit.
 */
@Injectable()
export class ReportingEventsConsumer extends EventTableHost {
  constructor(
    private readonly districts: DistrictReportsService,
    private readonly projection: ReportProjectionService,
  ) {
    super();
  }

  /** A pull's messages in one transaction, their summaries, compliance rows and cells recomputed once at its end. */
  protected override withinBatch(tx: EntityManager, run: () => Promise<void>): Promise<void> {
    return this.projection.deferred(tx, run);
  }

  bindings(): readonly EventBinding[] {
    const d = this.districts;
    const p = this.projection;
    return eventTable('reporting', [
      onEvent(CommunityCreatedEvtV1, (tx, e) => d.onCommunityCreated(tx, e)),
      ...Object.values(COMMUNITY_STATUS_EVENTS).map((event) => onEvent(event, (tx, e) => d.onCommunityStatusChanged(tx, e))),
      onEvent(MeetingScheduledEvtV1, (tx, e) => p.onMeetingScheduled(tx, e)),
      onEvent(MeetingRescheduledEvtV1, (tx, e) => p.onMeetingRescheduled(tx, e)),
      onEvent(MeetingCancelledEvtV1, (tx, e) => p.onMeetingCancelled(tx, e)),
      onEvent(MeetingHeldEvtV1, (tx, e) => p.onMeetingHeld(tx, e)),
      onEvent(MeetingClosedEvtV1, (tx, e) => p.onMeetingClosed(tx, e)),
      onEvent(AttendanceRecordedEvtV1, (tx, e) => p.onAttendanceRecorded(tx, e)),
      onEvent(FeedbackRecordedEvtV1, (tx, e) => p.onFeedbackRecorded(tx, e)),
      onEvent(FeedbackRecordedEvtV2, (tx, e) => p.onFeedbackRecorded(tx, e)),
      onEvent(ConcernRecordedEvtV1, (tx, e) => p.onConcernRecorded(tx, e)),
      onEvent(ConcernSensitivityChangedEvtV1, (tx, e) => p.onConcernSensitivityChanged(tx, e)),
      onEvent(ActionAssignedEvtV1, (tx, e) => p.onActionAssigned(tx, e)),
      onEvent(ActionStatusChangedEvtV1, (tx, e) => p.onActionStatusChanged(tx, e)),
    ]);
  }
}
