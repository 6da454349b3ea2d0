import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hasPermission } from '@rd/auth-core';
import { DomainException, type Actor, type AuditChainBreak, type AuditChainPoint, type AuditChainReport, type AuditEntryView, type DataOf, type ListAuditEntriesQryV1, type VerifyAuditChainQryV1 } from '@rd/contracts';
import { AuditEntry } from './audit-entry.entity';
import { toAuditEntryView } from './audit-entry.mapper';
import { AuditChainVerifier } from './audit-chain';
import { chainEntryAt, chainHead, chainPage } from './audit-entry.repository';

@Injectable()
export class AuditEntriesService {
  constructor(private readonly em: EntityManager) {}

  /** The gateway checked audit:read already; checked again here, on the actor it passed. */
  async list(actor: Actor, query: DataOf<typeof ListAuditEntriesQryV1>): Promise<{ items: AuditEntryView[]; total: number }> {
    if (!hasPermission(actor.roles, 'audit:read')) throw new DomainException('auth.forbidden', 'Reading the audit log needs audit:read');
    const [rows, total] = await this.em.getRepository(AuditEntry).list(query);
    return { items: rows.map(toAuditEntryView), total };
  }

  /**
   * Walks the chain in order, a page at a time, from the start or from a trusted point, and stops at the first
   * broken link or after `limit` entries. Read-only; the gateway checked audit:read already, checked again here.
   */
  async verify(actor: Actor, query: DataOf<typeof VerifyAuditChainQryV1>, pageSize = 1000): Promise<AuditChainReport> {
    if (!hasPermission(actor.roles, 'audit:read')) throw new DomainException('auth.forbidden', 'Reading the audit log needs audit:read');
    const em = this.em.fork();
    const verifier = new AuditChainVerifier(query.after);
    const report = async (firstBreak: AuditChainBreak | null, complete: boolean, next: AuditChainPoint | null): Promise<AuditChainReport> => ({
      ok: firstBreak === null,
      checked: verifier.checked,
      complete,
      next,
      head: await chainHead(em),
      firstBreak,
      verifiedAt: new Date().toISOString(),
    });
    if (query.after) {
      const anchor = await chainEntryAt(em, query.after.seq);
      if (anchor?.hash !== query.after.hash) {
        return report(
          { seq: query.after.seq, id: anchor?.id ?? null, reason: 'anchor-mismatch', missingFrom: null, detail: anchor ? 'the entry there has another hash than the one recorded' : 'no entry is stored there any more' },
          true,
          null,
        );
      }
    }
    for (let after = query.after?.seq ?? 0; ; ) {
      const page = await chainPage(em, after, Math.min(pageSize, query.limit - verifier.checked));
      for (const entry of page) {
        const firstBreak = verifier.check(entry);
        if (firstBreak) return report(firstBreak, true, null);
      }
      if (verifier.checked >= query.limit) return report(null, false, verifier.last);
      if (page.length === 0) return report(null, true, null);
      after = page[page.length - 1].seq;
    }
  }
}
