import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { CommunityStatus } from '@rd/contracts';

/** Reporting's own copy of what it needs of a community, built from communities events. */
@Entity({ tableName: 'community_snapshot' })
export class CommunitySnapshot {
  @PrimaryKey({ type: 'uuid' })
  communityId!: string;

  @Index()
  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'string', length: 20 })
  status!: CommunityStatus;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
