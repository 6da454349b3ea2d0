import { Entity, EntityRepositoryType, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import {
  MEETING_KINDS,
  MEETING_STATUSES,
  ORGANISED_BY,
  VENUE_TYPES,
  type Coordinates,
  type MeetingKind,
  type MeetingStatus,
  type OrganisedBy,
  type VenueType,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { MeetingRepository } from './meeting.repository';

/** A reporting day. Times are stored in UTC; `timeZone` is the district's, for display and the quarter. */
@Entity({ tableName: 'meeting', repository: () => MeetingRepository })
export class Meeting {
  [EntityRepositoryType]?: MeetingRepository;
  [OptionalProps]?:
    | 'durationMinutes'
    | 'venueLocation'
    | 'venueAccessibility'
    | 'policeUnitId'
    | 'facilitatingOrganisationId'
    | 'inviteeContactIds'
    | 'inviteeOrganisationIds'
    | 'status'
    | 'statusReason'
    | 'statusChangedAt'
    | 'heldAt'
    | 'closedAt'
    | 'minutesApprovedAt'
    | 'recordedAfterwards'
    | 'sequence'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => [...MEETING_KINDS], type: 'string' })
  kind!: MeetingKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'json' })
  communityIds: string[] = [];

  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'integer' })
  durationMinutes = 120;

  /** Derived from startsAt in the district time zone; recomputed when the date moves. */
  @Property({ type: 'string', length: 7 })
  quarter!: string;

  @Property({ type: 'string', length: 200 })
  venueName!: string;

  @Enum({ items: () => [...VENUE_TYPES], type: 'string' })
  venueType!: VenueType;

  @Property({ type: 'json', nullable: true })
  venueLocation: Coordinates | null = null;

  /** How residents reach the venue; free text, not announced in meeting.updated v1 (ADR 41). */
  @Property({ type: 'string', length: 500, nullable: true })
  venueAccessibility: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  policeUnitId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  facilitatingOrganisationId: string | null = null;

  @Enum({ items: () => [...ORGANISED_BY], type: 'string' })
  organisedBy!: OrganisedBy;

  @Property({ type: 'json' })
  inviteeContactIds: string[] = [];

  @Property({ type: 'json' })
  inviteeOrganisationIds: string[] = [];

  @Enum({ items: () => [...MEETING_STATUSES], type: 'string' })
  status: MeetingStatus = 'draft';

  /** Reason of the last postponement or cancellation. */
  @Property({ type: 'string', length: 500, nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  statusChangedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  heldAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  /** Set when the minutes are approved (src/minutes/); the close rule reads it. */
  @Property({ type: 'datetime', nullable: true })
  minutesApprovedAt: Date | null = null;

  /** A reporting day held before the software, recorded afterwards (ADR 35): closed from the start. */
  @Property({ type: 'boolean' })
  recordedAfterwards = false;

  /** RFC 5545 SEQUENCE: bumped whenever the calendar entry changes, so clients replace their copy. */
  @Property({ type: 'integer' })
  sequence = 0;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
