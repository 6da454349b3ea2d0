import { Entity, EntityRepositoryType, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import {
  COMMUNITY_KINDS,
  COMMUNITY_STATUSES,
  type CommunityKind,
  type CommunityStatus,
  type Coordinates,
  type Language,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { CommunityRepository } from './community.repository';

@Entity({ tableName: 'community', repository: () => CommunityRepository })
@Unique({ name: 'community_district_name_key', expression: 'create unique index "community_district_name_key" on "community" ("district_code", lower("name"))' })
export class Community {
  [EntityRepositoryType]?: CommunityRepository;
  [OptionalProps]?:
    | 'population'
    | 'borderAdjacent'
    | 'languages'
    | 'status'
    | 'createdAt'
    | 'updatedAt'
    | 'location'
    | 'pairedCommunityIds'
    | 'partnerOrganisationId'
    | 'policeUnitId'
    | 'officerContactId'
    | 'focalPointContactIds'
    | 'localGovernmentContactId'
    | 'firstMeetingId'
    | 'firstMeetingScheduledFor'
    | 'statusChangedAt'
    | 'statusEffectiveOn';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120 })
  name!: string;

  /** Stable code, unique across the programme. */
  @Property({ type: 'string', length: 80, unique: 'community_code_key' })
  code!: string;

  @Property({ type: 'json', nullable: true })
  location: Coordinates | null = null;

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

  /** Cross-border partners; kept symmetric by the service. */
  @Property({ type: 'json' })
  pairedCommunityIds: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  partnerOrganisationId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  policeUnitId: string | null = null;

  /** Current officer; the history is in officer_assignment. */
  @Property({ type: 'uuid', nullable: true })
  officerContactId: string | null = null;

  @Property({ type: 'json' })
  focalPointContactIds: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  localGovernmentContactId: string | null = null;

  /** Set from meetings.evt.meeting.scheduled: the first reporting day planned for this community. */
  @Property({ type: 'uuid', nullable: true })
  firstMeetingId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  firstMeetingScheduledFor: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  statusChangedAt: Date | null = null;

  /** Day the current status took effect in the district (docs/adr/0035); null while proposed. */
  @Property({ type: 'date', nullable: true })
  statusEffectiveOn: string | null = null;

  /** Subject of the user who proposed it. */
  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
