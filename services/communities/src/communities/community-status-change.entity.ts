import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { COMMUNITY_STATUSES, type CommunityStatus } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** Status history with the reason given; the reason stays here (audit) and never enters an event. */
@Entity({ tableName: 'community_status_change' })
export class CommunityStatusChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  communityId!: string;

  @Enum({ items: () => [...COMMUNITY_STATUSES], type: 'string' })
  fromStatus!: CommunityStatus;

  @Enum({ items: () => [...COMMUNITY_STATUSES], type: 'string' })
  toStatus!: CommunityStatus;

  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  /** Day the change took effect in the district (docs/adr/0035): when recorded, or the earlier day the user gave. */
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt: Date = new Date();
}
