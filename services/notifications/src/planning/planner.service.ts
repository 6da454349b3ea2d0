import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  CommunityActivatedEvtV1,
  DataOf,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  MeetingUpdatedEvtV1,
  MinutesApprovedEvtV1,
  OfficerAssignedEvtV1,
} from '@rd/contracts';
import type { EventMeta } from '@rd/messaging';
import { SettingsRepository } from '../settings/settings.repository';
import { MeetingScheduleRepository, ScheduledItemRepository } from './scheduled-item.repository';

const DAY_MS = 86_400_000;
/** Overdue checks run the morning after the due date (03:00 UTC: 08:00 in Dushanbe, 09:00 in Bishkek). */
const OVERDUE_HOUR_UTC = 3;
const FINISHED_ACTION = new Set(['done', 'referred', 'dropped']);

/**
 * Turns events into planned work, inside the consumer's inbox transaction: what happens now (a notice) and later
 * (reminders, minutes chases, overdue checks). Ids only are stored; recipients are resolved when the item runs.
 */
@Injectable()
export class PlannerService {
  private items(tx: EntityManager) {
    return new ScheduledItemRepository(tx);
  }

  private now(key: string, kind: Parameters<ScheduledItemRepository['plan']>[1], tx: EntityManager, payload: Record<string, unknown>) {
    return this.items(tx).plan(key, kind, new Date(), payload);
  }

  async onMeetingScheduled(tx: EntityManager, p: DataOf<typeof MeetingScheduledEvtV1>, meta: EventMeta): Promise<void> {
    await new MeetingScheduleRepository(tx).upsert(p.meetingId, p.districtCode, p.regionCode ?? null, p.scheduledFor, 'scheduled');
    // A reporting day recorded afterwards (ADR 35) took place long ago: nobody is invited or reminded.
    if (p.recordedAfterwards) return;
    await this.now(`notice:${meta.messageId}`, 'meeting-notice', tx, { type: 'meeting-invitation', meetingId: p.meetingId, districtCode: p.districtCode, eventId: meta.messageId });
    await this.planReminders(tx, p.meetingId, p.districtCode, p.scheduledFor);
  }

  async onMeetingRescheduled(tx: EntityManager, p: DataOf<typeof MeetingRescheduledEvtV1>, meta: EventMeta): Promise<void> {
    await new MeetingScheduleRepository(tx).upsert(p.meetingId, p.districtCode, p.regionCode, p.scheduledFor, 'scheduled');
    await this.items(tx).cancel('meeting-reminder', 'meetingId', p.meetingId);
    await this.now(`notice:${meta.messageId}`, 'meeting-notice', tx, {
      type: 'meeting-rescheduled',
      meetingId: p.meetingId,
      districtCode: p.districtCode,
      previousStartsAt: p.previousStartsAt,
      eventId: meta.messageId,
    });
    await this.planReminders(tx, p.meetingId, p.districtCode, p.scheduledFor);
  }

  async onMeetingUpdated(tx: EntityManager, p: DataOf<typeof MeetingUpdatedEvtV1>, meta: EventMeta): Promise<void> {
    await this.now(`notice:${meta.messageId}`, 'meeting-notice', tx, { type: 'meeting-updated', meetingId: p.meetingId, districtCode: p.districtCode, eventId: meta.messageId });
    // Those taken off the invitation list are released (with a calendar cancellation), in their own item and source key.
    if (p.removedInviteeContactIds.length || p.removedInviteeOrganisationIds.length) {
      await this.now(`release:${meta.messageId}`, 'meeting-release', tx, {
        meetingId: p.meetingId,
        districtCode: p.districtCode,
        removedInviteeContactIds: p.removedInviteeContactIds,
        removedInviteeOrganisationIds: p.removedInviteeOrganisationIds,
        eventId: meta.messageId,
      });
    }
  }

  async onMeetingCancelled(tx: EntityManager, p: DataOf<typeof MeetingCancelledEvtV1>, meta: EventMeta): Promise<void> {
    await new MeetingScheduleRepository(tx).upsert(p.meetingId, p.districtCode, p.regionCode, p.scheduledFor, 'cancelled');
    await this.items(tx).cancel('meeting-reminder', 'meetingId', p.meetingId);
    await this.now(`notice:${meta.messageId}`, 'meeting-notice', tx, { type: 'meeting-cancelled', meetingId: p.meetingId, districtCode: p.districtCode, eventId: meta.messageId });
  }

  async onMeetingHeld(tx: EntityManager, p: DataOf<typeof MeetingHeldEvtV1>): Promise<void> {
    await new MeetingScheduleRepository(tx).advance(p.meetingId, p.districtCode, p.regionCode, p.heldAt, 'held');
    await this.items(tx).cancel('meeting-reminder', 'meetingId', p.meetingId);
    // Its minutes are not chased: it is closed already, and its minutes, if any, are a file of the time.
    if (p.recordedAfterwards) return;
    const settings = await new SettingsRepository(tx).effective(p.districtCode);
    for (const days of settings.minutesChaseDaysAfter) {
      const runAt = new Date(Date.parse(p.heldAt) + days * DAY_MS);
      await this.items(tx).plan(`chase:${p.meetingId}:${days}`, 'minutes-chase', runAt, { meetingId: p.meetingId, districtCode: p.districtCode, heldAt: p.heldAt, daysAfter: days });
    }
  }

  async onMinutesApproved(tx: EntityManager, p: DataOf<typeof MinutesApprovedEvtV1>): Promise<void> {
    await this.items(tx).cancel('minutes-chase', 'meetingId', p.meetingId);
    await this.now(`minutes:${p.meetingId}:v${p.version}`, 'minutes-distribution', tx, {
      meetingId: p.meetingId,
      districtCode: p.districtCode,
      communityIds: p.communityIds,
      recipientOrganisationIds: p.recipients.map((r) => r.organisationId),
      version: p.version,
      approvedAt: p.approvedAt,
      concernsTotal: p.summary.concernsTotal,
      topics: p.summary.topics,
    });
  }

  async onMeetingClosed(tx: EntityManager, p: DataOf<typeof MeetingClosedEvtV1>): Promise<void> {
    await new MeetingScheduleRepository(tx).advance(p.meetingId, p.districtCode, p.regionCode, p.closedAt, 'closed');
    await this.items(tx).cancel('minutes-chase', 'meetingId', p.meetingId);
  }

  async onActionAssigned(tx: EntityManager, p: DataOf<typeof ActionAssignedEvtV1>, meta: EventMeta): Promise<void> {
    const payload = {
      actionId: p.actionId,
      meetingId: p.meetingId,
      districtCode: p.districtCode,
      regionCode: p.regionCode,
      topic: p.topic,
      ownerOrganisationId: p.ownerOrganisationId,
      dueDate: p.dueDate,
    };
    await this.now(`action:${meta.messageId}`, 'action-assigned', tx, payload);
    const runAt = new Date(Date.parse(`${p.dueDate}T00:00:00Z`) + DAY_MS + OVERDUE_HOUR_UTC * 3_600_000);
    await this.items(tx).plan(`overdue:${p.actionId}:${p.dueDate}`, 'action-overdue', runAt, payload);
  }

  async onActionStatusChanged(tx: EntityManager, p: DataOf<typeof ActionStatusChangedEvtV1>): Promise<void> {
    if (FINISHED_ACTION.has(p.to)) await this.items(tx).cancel('action-overdue', 'actionId', p.actionId);
  }

  async onCommunityActivated(tx: EntityManager, p: DataOf<typeof CommunityActivatedEvtV1>, meta: EventMeta): Promise<void> {
    await this.now(`community:${meta.messageId}`, 'community-activated', tx, { communityId: p.communityId, districtCode: p.districtCode, regionCode: p.regionCode });
  }

  async onOfficerAssigned(tx: EntityManager, p: DataOf<typeof OfficerAssignedEvtV1>, meta: EventMeta): Promise<void> {
    await this.now(`officer:${meta.messageId}`, 'officer-assigned', tx, {
      communityId: p.communityId,
      districtCode: p.districtCode,
      regionCode: p.regionCode,
      officerContactId: p.officerContactId,
      since: p.since,
    });
  }

  /** Reminders N days before the start, for each N of the district's settings that is still ahead. */
  async planReminders(tx: EntityManager, meetingId: string, districtCode: string, startsAt: string): Promise<void> {
    const settings = await new SettingsRepository(tx).effective(districtCode);
    const start = Date.parse(startsAt);
    const iso = new Date(start).toISOString();
    for (const days of settings.reminderDaysBefore) {
      const runAt = new Date(start - days * DAY_MS);
      if (runAt.getTime() <= Date.now()) continue;
      await this.items(tx).plan(`reminder:${meetingId}:${iso}:${days}`, 'meeting-reminder', runAt, { meetingId, districtCode, startsAt: iso, daysBefore: days });
    }
  }

  /** After a settings change: the pending reminders of the district's upcoming meetings follow the new days. */
  async replanDistrict(tx: EntityManager, districtCode: string): Promise<void> {
    for (const meeting of await new MeetingScheduleRepository(tx).upcomingInDistrict(districtCode)) {
      await this.items(tx).cancel('meeting-reminder', 'meetingId', meeting.meeting_id);
      await this.planReminders(tx, meeting.meeting_id, districtCode, new Date(meeting.starts_at).toISOString());
    }
  }
}
