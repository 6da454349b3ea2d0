import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A message a consumer has applied. The primary key makes a second application impossible. */
@Entity({ tableName: 'inbox_message' })
export class InboxMessage {
  @PrimaryKey({ type: 'string', length: 200 })
  consumer!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  messageId!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  processedAt: Date = new Date();
}
