import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One officer assignment as communities announced it (communities.evt.officer.assigned.v1). */
@Entity({ tableName: 'officer_roster_entry' })
export class OfficerRosterEntry {
  @PrimaryKey({ type: 'uuid' })
  assignmentId!: string;

  @Property({ type: 'uuid' })
  communityId!: string;

  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'uuid' })
  officerContactId!: string;

  @Property({ type: 'uuid', nullable: true })
  previousOfficerContactId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  policeUnitId: string | null = null;

  /** First day of service, YYYY-MM-DD. */
  @Property({ type: 'date' })
  since!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
