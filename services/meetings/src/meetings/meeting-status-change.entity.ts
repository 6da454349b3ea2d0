import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { MEETING_STATUSES, type MeetingStatus } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** Status history: every postponement keeps the old and new date and the reason (never in events). */
@Entity({ tableName: 'meeting_status_change' })
export class MeetingStatusChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Enum({ items: () => [...MEETING_STATUSES], type: 'string' })
  fromStatus!: MeetingStatus;

  @Enum({ items: () => [...MEETING_STATUSES], type: 'string' })
  toStatus!: MeetingStatus;

  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousStartsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  newStartsAt: Date | null = null;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt: Date = new Date();
}
