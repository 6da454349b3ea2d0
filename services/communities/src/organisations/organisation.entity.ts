import { Entity, Enum, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ORGANISATION_KINDS, type OrganisationKind } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { OrganisationRepository } from './organisation.repository';

@Entity({ tableName: 'organisation', repository: () => OrganisationRepository })
export class Organisation {
  [EntityRepositoryType]?: OrganisationRepository;
  [OptionalProps]?: 'districtCode' | 'dutyPhone' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...ORGANISATION_KINDS], type: 'string' })
  kind!: OrganisationKind;

  /** Null for a region-level body (e.g. a regional law-enforcement department). */
  @Property({ type: 'string', length: 64, nullable: true })
  districtCode: string | null = null;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  /** A police unit's duty number, printed on community contact cards: public by nature (ADR 49). */
  @Property({ type: 'string', length: 20, nullable: true })
  dutyPhone: string | null = null;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
