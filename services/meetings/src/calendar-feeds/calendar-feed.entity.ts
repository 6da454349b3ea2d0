import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Actor } from '@rd/contracts';

/**
 * A user's secret calendar feed (ADR 37): at most one per user. Only the SHA-256 of the secret is kept; the actor is
 * the user as the gateway saw them when the feed was made, the most the feed will ever show.
 */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeed {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 100 })
  userId!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'json' })
  actor!: Actor;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
