import { BigIntType, Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { AuditOutcome, Role } from '@rd/contracts';
import { AuditEntryRepository } from './audit-entry.repository';

/**
 * One stored audit record. Rows are only ever inserted: the application role may only INSERT and SELECT, and a
 * trigger refuses UPDATE, DELETE and TRUNCATE to anyone else. Each row carries the hash of the one before it
 * (audit-chain.ts), so a row deleted or edited by someone who can get past both shows up in verify.
 */
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

  /** Position in the hash chain: 1, 2, 3… without gaps. */
  @Property({ type: new BigIntType('number'), unique: true })
  seq!: number;

  /** SHA-256 (hex) of the entry before it; GENESIS_HASH for the first. */
  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  /** SHA-256 (hex) of this entry's canonical form, previous hash included. */
  @Property({ type: 'string', length: 64 })
  hash!: string;
}
