import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Coordinates } from '@rd/contracts';
import { DistrictRepository } from './district.repository';

@Entity({ tableName: 'district', repository: () => DistrictRepository })
export class District {
  [EntityRepositoryType]?: DistrictRepository;
  [OptionalProps]?: 'location';

  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'string', length: 2 })
  countryCode!: string;

  @Property({ type: 'json' })
  name!: Record<string, string>;

  /** Meetings are shown in the district's time zone. */
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  @Property({ type: 'json', nullable: true })
  location: Coordinates | null = null;
}
