import type { AuditEntryView } from '@rd/contracts';
import type { AuditEntry } from './audit-entry.entity';

/** The only place that decides what of a stored record leaves the service. */
export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    source: entry.source,
    actor: { userId: entry.userId, username: entry.username, roles: [...entry.roles] },
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    outcome: entry.outcome,
    httpStatus: entry.httpStatus,
    correlationId: entry.correlationId,
    clientAddress: entry.clientAddress,
    method: entry.method,
    path: entry.path,
    recordedAt: entry.recordedAt.toISOString(),
  };
}
