import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import type { AuditEntry as AuditEntryData, DataOf, ListAuditEntriesQryV1 } from '@rd/contracts';
import { AUDIT_CHAIN_LOCK, auditEntryHash, GENESIS_HASH, type ChainedAuditEntry } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';

type ListQuery = DataOf<typeof ListAuditEntriesQryV1>;

export class AuditEntryRepository extends EntityRepository<AuditEntry> {
  /** Every filter narrows (AND); newest first unless asked otherwise, ties broken by id for stable pages. */
  async list(query: ListQuery): Promise<[AuditEntry[], number]> {
    const where: FilterQuery<AuditEntry>[] = [];
    if (query.userId) where.push({ userId: query.userId });
    if (query.username) where.push({ username: query.username });
    if (query.resourceType) where.push({ resourceType: query.resourceType });
    if (query.resourceId) where.push({ resourceId: query.resourceId });
    if (query.action) where.push({ action: query.action });
    if (query.outcome) where.push({ outcome: query.outcome });
    if (query.correlationId) where.push({ correlationId: query.correlationId });
    if (query.from) where.push({ occurredAt: { $gte: new Date(query.from) } });
    if (query.to) where.push({ occurredAt: { $lt: new Date(query.to) } });
    return this.findAndCount(
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: query.order }] as never, offset: query.offset, limit: query.limit },
    );
  }
}

/** A stored row as the chain sees it (raw SQL: the verifier must read exactly what is in the table). */
interface AuditEntryRow {
  seq: string;
  prev_hash: string;
  hash: string;
  id: string;
  occurred_at: Date | string;
  source: string;
  user_id: string;
  username: string;
  roles: string[] | string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  http_status: number;
  correlation_id: string;
  client_address: string;
  method: string;
  path: string;
  recorded_at: Date | string;
}

function toChained(row: AuditEntryRow): ChainedAuditEntry & { hash: string } {
  return {
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
    id: row.id,
    occurredAt: new Date(row.occurred_at),
    source: row.source,
    userId: row.user_id,
    username: row.username,
    roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as string[]) : row.roles,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    outcome: row.outcome,
    httpStatus: row.http_status,
    correlationId: row.correlation_id,
    clientAddress: row.client_address,
    method: row.method,
    path: row.path,
    recordedAt: new Date(row.recorded_at),
  };
}

const CHAIN_COLUMNS = `seq, prev_hash, hash, id, occurred_at, source, user_id, username, roles, action, resource_type, resource_id, outcome,
  http_status, correlation_id, client_address, method, path, recorded_at`;

/** Up to `limit` stored entries after position `afterSeq`, in chain order. */
export async function chainPage(em: EntityManager, afterSeq: number, limit: number): Promise<(ChainedAuditEntry & { hash: string })[]> {
  const rows = await em.execute<AuditEntryRow[]>(`select ${CHAIN_COLUMNS} from audit_entry where seq > ? order by seq limit ?`, [afterSeq, limit]);
  return rows.map(toChained);
}

/** The entry stored at position `seq`, if any. */
export async function chainEntryAt(em: EntityManager, seq: number): Promise<{ id: string; hash: string } | null> {
  const [row] = await em.execute<{ id: string; hash: string }[]>('select id, hash from audit_entry where seq = ?', [seq]);
  return row ?? null;
}

/** The newest entry of the chain, or null for an empty log. */
export async function chainHead(em: EntityManager): Promise<{ seq: number; hash: string } | null> {
  const [head] = await em.execute<{ seq: string; hash: string }[]>('select seq, hash from audit_entry order by seq desc limit 1');
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/**
 * Stores a record at the end of the hash chain, inside the caller's transaction. The advisory lock is held until
 * that transaction ends, so concurrent inserts (replicas, redeliveries) queue up and each reads the head the one
 * before it committed (READ COMMITTED sees it once the lock is granted). A record already stored (same id,
 * submitted again under another message id) is left alone and takes no position.
 */
export async function insertAuditEntry(tx: EntityManager, entry: AuditEntryData, recordedAt = new Date()): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK]);
  const [stored] = await tx.execute<{ id: string }[]>('select id from audit_entry where id = ?', [entry.id]);
  if (stored) return;
  const head = await chainHead(tx);
  const chained: ChainedAuditEntry = {
    seq: (head?.seq ?? 0) + 1,
    prevHash: head?.hash ?? GENESIS_HASH,
    id: entry.id,
    occurredAt: new Date(entry.occurredAt),
    source: entry.source,
    userId: entry.actor.userId,
    username: entry.actor.username,
    roles: entry.actor.roles,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    outcome: entry.outcome,
    httpStatus: entry.httpStatus,
    correlationId: entry.correlationId,
    clientAddress: entry.clientAddress,
    method: entry.method,
    path: entry.path,
    recordedAt,
  };
  await tx
    .createQueryBuilder(AuditEntry)
    .insert({ ...chained, roles: [...chained.roles] as AuditEntry['roles'], outcome: entry.outcome, hash: auditEntryHash(chained) })
    .execute();
}
