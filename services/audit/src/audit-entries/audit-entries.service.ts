import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hasPermission } from '@rd/auth-core';
import type { Actor, AuditChainReport, AuditEntry as AuditEntryData, AuditEntryView, DataOf, ListAuditEntriesQryV1 } from '@rd/contracts';
import type { EventMeta } from '@rd/messaging';
import { applyOnce } from '@rd/persistence';
import { AuditEntry } from './audit-entry.entity';
import { toAuditEntryView } from './audit-entry.mapper';
import { AuditChainVerifier } from './audit-chain';
import { chainHead, chainPage, insertAuditEntry } from './audit-entry.repository';
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

  /**
   * Walks the whole chain in order, a page at a time, and stops at the first broken link. Read-only; the gateway
   * checked audit:read already, checked again here.
   */
  async verify(actor: Actor, pageSize = 1000): Promise<AuditChainReport> {
    if (!hasPermission(actor.roles, 'audit:read')) throw AuditException.forbidden();
    const em = this.em.fork();
    const verifier = new AuditChainVerifier();
    for (let after = 0; ; ) {
      const page = await chainPage(em, after, pageSize);
      for (const entry of page) {
        const firstBreak = verifier.check(entry);
        if (firstBreak) return { ok: false, checked: verifier.checked, head: await chainHead(em), firstBreak, verifiedAt: new Date().toISOString() };
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].seq;
    }
    return { ok: true, checked: verifier.checked, head: await chainHead(em), firstBreak: null, verifiedAt: new Date().toISOString() };
  }
}
