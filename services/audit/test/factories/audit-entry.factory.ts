import type { AuditEntry } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** A valid audit record as the gateway submits it; override what a test is about. */
export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'gateway',
    actor: { userId: randomUUID(), username: 'ngo.isfara', roles: ['ngo-admin'] },
    action: 'community:create',
    resourceType: 'community',
    resourceId: randomUUID(),
    outcome: 'success',
    httpStatus: 201,
    correlationId: randomUUID(),
    clientAddress: '127.0.0.1',
    method: 'POST',
    path: '/api/v1/communities',
    ...overrides,
  };
}
