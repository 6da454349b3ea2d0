import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A domain event waiting to be relayed to JetStream. Written in the same transaction as the change
 * it describes, so an event exists exactly when its change committed.
 */
// Indexes and the `seq` column (insertion order, filled by the database) are in messaging-tables.sql.ts; the
// relay reads them with SQL of its own.
@Entity({ tableName: 'outbox_message' })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Subject name without the deployment prefix, e.g. `communities.evt.community.created.v1`. */
  @Property({ type: 'string', length: 200 })
  subject!: string;

  /** Rows with the same key are published in insertion order; other keys never wait for it (aggregate-key.ts). */
  @Property({ type: 'string', length: 200, default: '' })
  aggregateKey = '';

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
