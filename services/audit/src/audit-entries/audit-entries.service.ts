import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hasPermission } from '@rd/auth-core';
import type { Actor, AuditEntry as AuditEntryData, AuditEntryView, DataOf, ListAuditEntriesQryV1 } from '@rd/contracts';
import type { EventMeta } from '@rd/messaging';
import { applyOnce } from '@rd/persistence';
import { AuditEntry } from './audit-entry.entity';
import { toAuditEntryView } from './audit-entry.mapper';
import { insertAuditEntry } from './audit-entry.repository';
import { AuditException } from './audit.exception';

@Injectable()
export class AuditEntriesService {
  constructor(private readonly em: EntityManager) {}

  /** Stores a submitted record once, whatever the number of deliveries. Resolves false for a duplicate. */
  record(entry: AuditEntryData, meta: EventMeta): Promise<boolean> {
    return applyOnce(this.em, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, (tx) =>
      insertAuditEntry(tx, entry),
    );
  }

  /** The gateway checked audit:read already; checked again here, on the actor it passed. */
  async list(actor: Actor, query: DataOf<typeof ListAuditEntriesQryV1>): Promise<{ items: AuditEntryView[]; total: number }> {
    if (!hasPermission(actor.roles, 'audit:read')) throw AuditException.forbidden();
    const [rows, total] = await this.em.getRepository(AuditEntry).list(query);
    return { items: rows.map(toAuditEntryView), total };
  }
}
