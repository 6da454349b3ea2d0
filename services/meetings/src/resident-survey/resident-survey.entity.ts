import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { SurveyLanguage } from '@rd/contracts';

/** A meeting's resident survey (ADR 46): its public code, window and cap. One per meeting. */
@Entity({ tableName: 'resident_survey' })
export class ResidentSurvey {
  [OptionalProps]?: 'closed';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'string', length: 10 })
  code!: string;

  @Property({ type: 'date' })
  opensOn!: string;

  @Property({ type: 'date' })
  closesOn!: string;

  @Property({ type: 'datetime' })
  opensAt!: Date;

  @Property({ type: 'datetime' })
  closesAt!: Date;

  @Property({ type: 'integer' })
  responseCap!: number;

  @Property({ type: 'boolean' })
  closed = false;

  /** Copied when opened: the public form reads nothing else of the meeting. */
  @Property({ type: 'string', length: 200 })
  meetingTitle!: string;

  @Property({ type: 'string', length: 200 })
  communityName!: string;

  @Property({ type: 'string', length: 2 })
  language!: SurveyLanguage;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** A single-use code printed on a tear-off slip. */
@Entity({ tableName: 'resident_survey_slip' })
export class ResidentSurveySlip {
  [OptionalProps]?: 'usedAt';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
