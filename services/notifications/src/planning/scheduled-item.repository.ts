import type { EntityManager } from '@mikro-orm/postgresql';

export const JOB_KINDS = [
  'meeting-notice',
  'meeting-release',
  'meeting-reminder',
  'minutes-chase',
  'minutes-distribution',
  'action-assigned',
  'action-overdue',
  'quarter-check',
  'community-activated',
  'officer-assigned',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface ScheduledItemRow {
  id: string;
  key: string;
  kind: JobKind;
  run_at: Date;
  payload: Record<string, unknown>;
  status: 'pending' | 'done' | 'cancelled' | 'failed';
  attempts: number;
  last_error: string | null;
}

/** The durable queue of planned work. Rows are claimed FOR UPDATE SKIP LOCKED, so each replica runs different rows. */
export class ScheduledItemRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Plans an item once per key. A cancelled item with the same key comes back (a reminder re-planned after a
   * settings change); a done one never runs again.
   */
  plan(key: string, kind: JobKind, runAt: Date, payload: Record<string, unknown>): Promise<unknown> {
    return this.em.execute(
      `insert into "scheduled_item" ("key", "kind", "run_at", "payload") values (?, ?, ?, ?::jsonb)
       on conflict ("key") do update set "status" = 'pending', "run_at" = excluded."run_at", "payload" = excluded."payload", "attempts" = 0, "updated_at" = now()
       where "scheduled_item"."status" = 'cancelled'`,
      [key, kind, runAt, JSON.stringify(payload)],
    );
  }

  /** Cancels pending items of a kind whose payload field equals a value (e.g. the reminders of one meeting). */
  cancel(kind: JobKind, field: string, value: string): Promise<unknown> {
    return this.em.execute(
      `update "scheduled_item" set "status" = 'cancelled', "updated_at" = now() where "kind" = ? and "status" = 'pending' and "payload" ->> ? = ?`,
      [kind, field, value],
    );
  }

  /** Locks one due item for this transaction; another replica skips it. */
  claimDue(): Promise<ScheduledItemRow | undefined> {
    return this.em
      .execute<ScheduledItemRow[]>(
        `select * from "scheduled_item" where "status" = 'pending' and "run_at" <= now() order by "run_at", "id" limit 1 for update skip locked`,
      )
      .then((rows) => rows[0]);
  }

  finish(id: string, status: 'done' | 'failed', error: string | null = null): Promise<unknown> {
    return this.em.execute(`update "scheduled_item" set "status" = ?, "last_error" = ?, "attempts" = "attempts" + 1, "updated_at" = now() where "id" = ? and "status" = 'pending'`, [status, error, id]);
  }

  retryAt(id: string, runAt: Date, error: string): Promise<unknown> {
    return this.em.execute(`update "scheduled_item" set "run_at" = ?, "last_error" = ?, "attempts" = "attempts" + 1, "updated_at" = now() where "id" = ? and "status" = 'pending'`, [runAt, error, id]);
  }

  nextDue(): Promise<Date | null> {
    return this.em.execute<{ run_at: Date | null }[]>(`select min("run_at") as "run_at" from "scheduled_item" where "status" = 'pending'`).then((rows) => rows[0]?.run_at ?? null);
  }
}

export interface MeetingScheduleRow {
  meeting_id: string;
  district_code: string;
  region_code: string | null;
  starts_at: Date;
  status: string;
}

/**
 * Statuses in the order a meeting reaches them. The events of one meeting may be handled out of order (a reporting day
 * recorded afterwards publishes scheduled, held and closed in one transaction), so a status never goes back.
 */
const LATER_OR_SAME = `array_position(array['scheduled', 'cancelled', 'held', 'closed'], excluded."status") >= array_position(array['scheduled', 'cancelled', 'held', 'closed'], "meeting_schedule"."status")`;

/** What notifications knows of each meeting's date from meetings' events (to re-plan reminders). */
export class MeetingScheduleRepository {
  constructor(private readonly em: EntityManager) {}

  /** From a scheduled, rescheduled or cancelled event: the date it gives, and the status unless a later one is known. */
  upsert(meetingId: string, districtCode: string, regionCode: string | null, startsAt: string, status: string): Promise<unknown> {
    return this.em.execute(
      `insert into "meeting_schedule" ("meeting_id", "district_code", "region_code", "starts_at", "status") values (?, ?, ?, ?, ?)
       on conflict ("meeting_id") do update set "district_code" = excluded."district_code", "region_code" = coalesce(excluded."region_code", "meeting_schedule"."region_code"),
         "starts_at" = excluded."starts_at", "status" = case when ${LATER_OR_SAME} then excluded."status" else "meeting_schedule"."status" end, "updated_at" = now()`,
      [meetingId, districtCode, regionCode, startsAt, status],
    );
  }

  /** From a held or closed event: the status, kept even when it comes before the meeting's scheduled event. */
  advance(meetingId: string, districtCode: string, regionCode: string | null, at: string, status: 'held' | 'closed'): Promise<unknown> {
    return this.em.execute(
      `insert into "meeting_schedule" ("meeting_id", "district_code", "region_code", "starts_at", "status") values (?, ?, ?, ?, ?)
       on conflict ("meeting_id") do update set "status" = case when ${LATER_OR_SAME} then excluded."status" else "meeting_schedule"."status" end, "updated_at" = now()`,
      [meetingId, districtCode, regionCode, at, status],
    );
  }

  find(meetingId: string): Promise<MeetingScheduleRow | undefined> {
    return this.em.execute<MeetingScheduleRow[]>(`select * from "meeting_schedule" where "meeting_id" = ?`, [meetingId]).then((rows) => rows[0]);
  }

  upcomingInDistrict(districtCode: string): Promise<MeetingScheduleRow[]> {
    return this.em.execute<MeetingScheduleRow[]>(
      `select * from "meeting_schedule" where "district_code" = ? and "status" = 'scheduled' and "starts_at" > now()`,
      [districtCode],
    );
  }
}
