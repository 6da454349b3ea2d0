import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { FEEDBACK_SOURCES, RAISER_AGE_GROUPS, RAISER_GENDERS, type FeedbackSource } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** One anonymous survey response: no name, no contact, no link to the person. */
@Entity({ tableName: 'feedback_response' })
export class FeedbackResponse {
  [OptionalProps]?: 'comment' | 'gender' | 'ageGroup' | 'source' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'smallint' })
  usefulness!: number;

  @Property({ type: 'smallint' })
  trustInPolice!: number;

  @Property({ type: 'boolean' })
  wouldContactPoliceFirst!: boolean;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Enum({ items: () => [...RAISER_GENDERS], type: 'string', nullable: true })
  gender: (typeof RAISER_GENDERS)[number] | null = null;

  @Enum({ items: () => [...RAISER_AGE_GROUPS], type: 'string', nullable: true })
  ageGroup: (typeof RAISER_AGE_GROUPS)[number] | null = null;

  /** Who put the answer in (ADR 46): the resident themselves, the kiosk, or staff from paper. */
  @Enum({ items: () => [...FEEDBACK_SOURCES], type: 'string' })
  source: FeedbackSource = 'staff';

  /** The organiser's user id; `resident-survey` for answers given through the public survey. */
  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
