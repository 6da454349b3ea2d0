import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import type { CommunityStatus } from '@rd/contracts';
import { DistrictSummaryRepository } from './district-summary.repository';

/** Per-district counts, kept current from events so a report is one row read. */
@Entity({ tableName: 'district_summary', repository: () => DistrictSummaryRepository })
export class DistrictSummary {
  [EntityRepositoryType]?: DistrictSummaryRepository;

  @PrimaryKey({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'integer' })
  communitiesTotal!: number;

  @Property({ type: 'json' })
  communitiesByStatus!: Partial<Record<CommunityStatus, number>>;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
