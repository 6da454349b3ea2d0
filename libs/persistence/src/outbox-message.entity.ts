import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A domain event waiting to be relayed to JetStream. Written in the same transaction as the change
 * it describes, so an event exists exactly when its change committed.
 */
@Entity({ tableName: 'outbox_message' })
@Index({ name: 'outbox_message_unpublished_idx', properties: ['createdAt'], options: { where: 'published_at is null' } })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Subject name without the deployment prefix, e.g. `communities.evt.community.created.v1`. */
  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'string', length: 100 })
  correlationId!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null = null;
}
