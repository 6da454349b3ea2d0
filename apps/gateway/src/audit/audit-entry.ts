import type { Permission } from '@rd/auth-core';
import { AuditEntrySchema, type Actor, type AuditEntry, type AuditOutcome } from '@rd/contracts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Reads recorded even when they succeed: who looked at the audit log is itself part of the record. */
const AUDITED_READS: ReadonlySet<Permission> = new Set<Permission>(['audit:read']);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** What the gateway knows about a request once it has answered it. Nothing of the body or the query string. */
export interface AnsweredRequest {
  id: string;
  occurredAt: Date;
  /** Set by AuthGuard once the token verified; absent for 401s and requests rejected before authentication. */
  actor?: Actor;
  /** The permission the route declares, set by AuthGuard. */
  requiredPermission?: Permission;
  method: string;
  /** As received; the query string is cut off here. */
  url: string;
  routeParams: Record<string, unknown> | undefined;
  /** The id of what a POST created, taken from the handler's result by AuditInterceptor. */
  createdId?: string;
  status: number;
  /** The guard refused it: a denial even when answered 404 (an object the role never sees). */
  accessDenied?: boolean;
  /** The handler marked this read as one to record (an export of personal data, e.g. the contact card; ADR 49). */
  auditRead?: boolean;
  correlationId: string;
  clientAddress: string;
}

export function outcomeOf(status: number, accessDenied = false): AuditOutcome {
  if (status === 403 || accessDenied) return 'denied';
  return status < 400 ? 'success' : 'failed';
}

/**
 * Whether a request belongs in the audit log: every state-changing request and every 403, reads of the
 * audit log itself and reads a handler marked (`auditRead`: exports such as the contact card). Only requests with a verified actor: without one there is nobody to record, and counting
 * anonymous noise (401, 415 before authentication) is the rate limiter's job.
 */
export function shouldAudit(request: Pick<AnsweredRequest, 'actor' | 'method' | 'status' | 'requiredPermission' | 'accessDenied' | 'auditRead'>): boolean {
  if (!request.actor) return false;
  if (request.status === 403 || request.accessDenied || request.auditRead || isStateChanging(request.method)) return true;
  return request.requiredPermission !== undefined && AUDITED_READS.has(request.requiredPermission);
}

function resourceIdOf(params: Record<string, unknown> | undefined, createdId: string | undefined): string | null {
  const values = Object.entries(params ?? {}).filter(([, value]) => typeof value === 'string' && value !== '');
  const byName = values.find(([name]) => name === 'id') ?? (values.length === 1 ? values[0] : undefined);
  const id = (byName?.[1] as string | undefined) ?? createdId;
  return id === undefined ? null : id.slice(0, 100);
}

/** The audit record for an answered request, or null when it is not audited. Pure: unit-tested on its own. */
export function toAuditEntry(request: AnsweredRequest): AuditEntry | null {
  if (!shouldAudit(request) || !request.actor) return null;
  const method = request.method.toUpperCase();
  const [resourceType] = (request.requiredPermission ?? '').split(':');
  return AuditEntrySchema.parse({
    id: request.id,
    occurredAt: request.occurredAt.toISOString(),
    source: 'gateway',
    actor: { userId: request.actor.userId, username: request.actor.username, roles: request.actor.roles },
    action: request.requiredPermission ?? `http:${method.toLowerCase()}`,
    resourceType: resourceType || 'http',
    resourceId: resourceIdOf(request.routeParams, request.createdId),
    outcome: outcomeOf(request.status, request.accessDenied),
    httpStatus: request.status,
    correlationId: request.correlationId.slice(0, 100),
    clientAddress: request.clientAddress.slice(0, 64),
    method,
    path: request.url.split('?')[0].slice(0, 300),
  });
}
