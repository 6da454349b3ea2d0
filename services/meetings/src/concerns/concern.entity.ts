import { Entity, EntityRepositoryType, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import {
  CONCERN_TOPICS,
  RAISER_AGE_GROUPS,
  RAISER_GENDERS,
  SENSITIVITIES,
  type ConcernTopic,
  type Sensitivity,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { ConcernRepository } from './concern.repository';

/**
 * A question or issue raised at a meeting. District and region are copied from the meeting so that the
 * access rule (`canReadConcern`) can be decided on the row alone. Text and raiser never leave this service
 * except through `toConcernView`, to actors the rule allows.
 */
@Entity({ tableName: 'concern', repository: () => ConcernRepository })
export class Concern {
  [EntityRepositoryType]?: ConcernRepository;
  [OptionalProps]?: 'answer' | 'followUpNeeded' | 'raiserGender' | 'raiserAgeGroup' | 'handlerIds' | 'provisionalHandlerIds' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Enum({ items: () => [...CONCERN_TOPICS], type: 'string' })
  topic!: ConcernTopic;

  @Enum({ items: () => [...SENSITIVITIES], type: 'string' })
  sensitivity!: Sensitivity;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  @Property({ type: 'boolean' })
  followUpNeeded = false;

  @Enum({ items: () => [...RAISER_GENDERS], type: 'string', nullable: true })
  raiserGender: (typeof RAISER_GENDERS)[number] | null = null;

  @Enum({ items: () => [...RAISER_AGE_GROUPS], type: 'string', nullable: true })
  raiserAgeGroup: (typeof RAISER_AGE_GROUPS)[number] | null = null;

  /** Case handlers (Keycloak subjects). */
  @Property({ type: 'json' })
  handlerIds: string[] = [];

  /** Handlers named by a reader who was neither a handler nor the coordinator: they read, but neither lower nor name others. */
  @Property({ type: 'json' })
  provisionalHandlerIds: string[] = [];

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
