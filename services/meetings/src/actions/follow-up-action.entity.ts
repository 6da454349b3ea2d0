import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ACTION_STATUSES, type ActionStatus } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { Concern } from '../concerns/concern.entity';
import { FollowUpActionRepository } from './follow-up-action.repository';

/** A follow-up commitment on a concern; whoever may read the concern may see it, nobody else. */
@Entity({ tableName: 'follow_up_action', repository: () => FollowUpActionRepository })
export class FollowUpAction {
  [EntityRepositoryType]?: FollowUpActionRepository;
  [OptionalProps]?: 'ownerContactId' | 'description' | 'status' | 'note' | 'referredTo' | 'reason' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Concern, { fieldName: 'concern_id' })
  concern!: Concern;

  @Property({ type: 'uuid' })
  ownerOrganisationId!: string;

  @Property({ type: 'uuid', nullable: true })
  ownerContactId: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** A calendar date, YYYY-MM-DD. */
  @Property({ type: 'date' })
  dueDate!: string;

  @Enum({ items: () => [...ACTION_STATUSES], type: 'string' })
  status: ActionStatus = 'open';

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  referredTo: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
