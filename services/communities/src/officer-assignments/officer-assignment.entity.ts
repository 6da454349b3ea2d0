import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One row of the officer roster: who served which community from when until when. */
@Entity({ tableName: 'officer_assignment' })
export class OfficerAssignment {
  [OptionalProps]?: 'policeUnitId' | 'until' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index({ name: 'officer_assignment_community_index' })
  @Property({ type: 'uuid' })
  communityId!: string;

  @Property({ type: 'uuid' })
  officerContactId!: string;

  @Property({ type: 'uuid', nullable: true })
  policeUnitId: string | null = null;

  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  /** ISO date (yyyy-mm-dd). */
  @Property({ type: 'date' })
  since!: string;

  @Property({ type: 'date', nullable: true })
  until: string | null = null;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
