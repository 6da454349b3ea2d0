import { Entity, EntityRepositoryType, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import {
  COMMUNITY_KINDS,
  COMMUNITY_STATUSES,
  type CommunityKind,
  type CommunityStatus,
  type Language,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { CommunityRepository } from './community.repository';

@Entity({ tableName: 'community', repository: () => CommunityRepository })
@Unique({ name: 'community_district_name_key', expression: 'create unique index "community_district_name_key" on "community" ("district_code", lower("name"))' })
export class Community {
  [EntityRepositoryType]?: CommunityRepository;
  [OptionalProps]?: 'population' | 'borderAdjacent' | 'languages' | 'status' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Index()
  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Enum({ items: () => [...COMMUNITY_KINDS], type: 'string' })
  kind!: CommunityKind;

  @Property({ type: 'integer', nullable: true })
  population: number | null = null;

  @Property({ type: 'boolean' })
  borderAdjacent = false;

  @Property({ type: 'json' })
  languages: Language[] = [];

  @Enum({ items: () => [...COMMUNITY_STATUSES], type: 'string' })
  status: CommunityStatus = 'proposed';

  /** Subject of the user who proposed it. */
  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
