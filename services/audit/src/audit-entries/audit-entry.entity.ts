import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { AuditOutcome, Role } from '@rd/contracts';
import { AuditEntryRepository } from './audit-entry.repository';

/** One stored audit record. Rows are only ever inserted: the database refuses UPDATE, DELETE and TRUNCATE. */
@Entity({ tableName: 'audit_entry', repository: () => AuditEntryRepository })
export class AuditEntry {
  [EntityRepositoryType]?: AuditEntryRepository;
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 40 })
  source!: string;

  @Property({ type: 'string', length: 100 })
  userId!: string;

  @Property({ type: 'string', length: 100 })
  username!: string;

  @Property({ type: 'json' })
  roles!: Role[];

  @Property({ type: 'string', length: 100 })
  action!: string;

  @Property({ type: 'string', length: 40 })
  resourceType!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  resourceId!: string | null;

  @Property({ type: 'string', length: 10 })
  outcome!: AuditOutcome;

  @Property({ type: 'smallint' })
  httpStatus!: number;

  @Property({ type: 'string', length: 100 })
  correlationId!: string;

  @Property({ type: 'string', length: 64 })
  clientAddress!: string;

  @Property({ type: 'string', length: 10 })
  method!: string;

  @Property({ type: 'string', length: 300 })
  path!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt!: Date;
}
