import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** The minutes of one meeting: the current draft (also kept in `minutes_version`) and, once approved, the lock. */
@Entity({ tableName: 'minutes' })
export class Minutes {
  [OptionalProps]?: 'status' | 'version' | 'approvedBy' | 'approvedAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @Enum({ items: () => ['draft', 'approved'], type: 'string' })
  status: 'draft' | 'approved' = 'draft';

  @Property({ type: 'integer' })
  version = 0;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 8 })
  language!: string;

  @Property({ type: 'string', length: 100 })
  updatedBy!: string;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Property({ type: 'string', length: 100, nullable: true })
  approvedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;
}

/** Every saved draft, never changed: the history of the minutes. */
@Entity({ tableName: 'minutes_version' })
export class MinutesVersion {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 8 })
  language!: string;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
