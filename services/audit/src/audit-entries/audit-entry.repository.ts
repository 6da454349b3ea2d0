import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import type { AuditEntry as AuditEntryData, DataOf, ListAuditEntriesQryV1 } from '@rd/contracts';
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

/**
 * Stores a record inside the caller's transaction. `on conflict do nothing`: a record submitted twice under
 * different message ids is still stored once (its id is the primary key).
 */
export async function insertAuditEntry(tx: EntityManager, entry: AuditEntryData): Promise<void> {
  await tx
    .createQueryBuilder(AuditEntry)
    .insert({
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
    })
    .onConflict('id')
    .ignore()
    .execute();
}
