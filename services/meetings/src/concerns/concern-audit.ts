import type { EntityManager } from '@mikro-orm/core';
import { recordEvent } from '@rd/persistence';
import { AuditEntrySubmittedEvtV1, type Actor, type AuditEntry, type RequestOrigin } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

export const AUDIT_SOURCE = 'meetings';

/** What the meetings service audits itself: reads it alone can recognise as confidential, and lowerings. */
export type ConcernAuditAction = 'concern:read-confidential' | 'concern:lower-sensitivity';

/** An audit record of an action on one concern, by the actor the gateway passed. Ids only, never text. */
export function concernAuditEntry(
  actor: Actor,
  action: ConcernAuditAction,
  concernId: string,
  meta: { correlationId: string; origin?: RequestOrigin; subject: string; now: Date },
): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: meta.now.toISOString(),
    source: AUDIT_SOURCE,
    actor: { userId: actor.userId, username: actor.username, roles: actor.roles },
    action,
    resourceType: 'concern',
    resourceId: concernId,
    outcome: 'success',
    httpStatus: 200,
    correlationId: meta.correlationId.slice(0, 100),
    // Without the gateway's coordinates (a direct NATS request) the record names the subject instead.
    clientAddress: (meta.origin?.clientAddress ?? 'nats').slice(0, 64),
    method: meta.origin?.method ?? 'NATS',
    path: (meta.origin?.path ?? meta.subject).slice(0, 300),
  };
}

/** Adds the record to the outbox in the caller's transaction, so it is as durable as the read's own effects. */
export function recordConcernAudit(
  tx: EntityManager,
  actor: Actor,
  action: ConcernAuditAction,
  concernId: string,
  meta: { correlationId: string; origin?: RequestOrigin; subject: string; now: Date },
): void {
  const entry = concernAuditEntry(actor, action, concernId, meta);
  // Redeliveries carry the outbox row id as Nats-Msg-Id, so the audit service stores the record once.
  recordEvent(tx, AuditEntrySubmittedEvtV1, entry, entry.correlationId);
}
