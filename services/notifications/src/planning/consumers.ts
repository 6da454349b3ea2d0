import { MeetingScheduledConsumer } from './meeting-scheduled.consumer';
import { MeetingRescheduledConsumer } from './meeting-rescheduled.consumer';
import { MeetingUpdatedConsumer } from './meeting-updated.consumer';
import { MeetingCancelledConsumer } from './meeting-cancelled.consumer';
import { MeetingHeldConsumer } from './meeting-held.consumer';
import { MeetingClosedConsumer } from './meeting-closed.consumer';
import { MinutesApprovedConsumer } from './minutes-approved.consumer';
import { ActionAssignedConsumer } from './action-assigned.consumer';
import { ActionStatusChangedConsumer } from './action-status-changed.consumer';
import { CommunityActivatedConsumer } from './community-activated.consumer';
import { OfficerAssignedConsumer } from './officer-assigned.consumer';

/** Every durable consumer of the service. */
export const PLANNING_CONSUMERS = [MeetingScheduledConsumer, MeetingRescheduledConsumer, MeetingUpdatedConsumer, MeetingCancelledConsumer, MeetingHeldConsumer, MeetingClosedConsumer, MinutesApprovedConsumer, ActionAssignedConsumer, ActionStatusChangedConsumer, CommunityActivatedConsumer, OfficerAssignedConsumer];
