import { Injectable } from '@nestjs/common';
import {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  CommunityActivatedEvtV1,
  ContactConsentChangedEvtV1,
  ContactErasedEvtV1,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  MeetingUpdatedEvtV1,
  MinutesApprovedEvtV1,
  OfficerAssignedEvtV1,
} from '@rd/contracts';
import { EventTableHost, eventTable, onEvent, type EventBinding } from '@rd/messaging';
import { changeContactConsent, eraseContact } from './deliveries/contact-events';
import { JobRunner } from './planning/job-runner';
import { PlannerService } from './planning/planner.service';

/**
 * The events notifications consumes. Planning events plan their notifications in the inbox transaction, then wake
 * the job runner; contact events reach the send queue and the stored copies at once.
 */
@Injectable()
export class NotificationsEventsConsumer extends EventTableHost {
  constructor(
    private readonly planner: PlannerService,
    private readonly runner: JobRunner,
  ) {
    super();
  }

  /** Test seam, null in production: awaited inside an erasure's transaction after the redaction, before it commits. */
  beforeErasureCommit: ((contactId: string) => Promise<void>) | null = null;

  bindings(): readonly EventBinding[] {
    const p = this.planner;
    const planned = { afterCommit: () => this.runner.wake() };
    return eventTable('notifications', [
      onEvent(MeetingScheduledEvtV1, (tx, e, meta) => p.onMeetingScheduled(tx, e, meta), planned),
      onEvent(MeetingRescheduledEvtV1, (tx, e, meta) => p.onMeetingRescheduled(tx, e, meta), planned),
      onEvent(MeetingUpdatedEvtV1, (tx, e, meta) => p.onMeetingUpdated(tx, e, meta), planned),
      onEvent(MeetingCancelledEvtV1, (tx, e, meta) => p.onMeetingCancelled(tx, e, meta), planned),
      onEvent(MeetingHeldEvtV1, (tx, e) => p.onMeetingHeld(tx, e), planned),
      onEvent(MeetingClosedEvtV1, (tx, e) => p.onMeetingClosed(tx, e), planned),
      onEvent(MinutesApprovedEvtV1, (tx, e) => p.onMinutesApproved(tx, e), planned),
      onEvent(ActionAssignedEvtV1, (tx, e, meta) => p.onActionAssigned(tx, e, meta), planned),
      onEvent(ActionStatusChangedEvtV1, (tx, e) => p.onActionStatusChanged(tx, e), planned),
      onEvent(CommunityActivatedEvtV1, (tx, e, meta) => p.onCommunityActivated(tx, e, meta), planned),
      onEvent(OfficerAssignedEvtV1, (tx, e, meta) => p.onOfficerAssigned(tx, e, meta), planned),
      onEvent(ContactErasedEvtV1, (tx, e) => eraseContact(tx, e, this.beforeErasureCommit)),
      onEvent(ContactConsentChangedEvtV1, (tx, e) => changeContactConsent(tx, e)),
    ]);
  }
}
