import { AuditEntrySchema, type Actor } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { shouldAudit, toAuditEntry, type AnsweredRequest } from './audit-entry';

const reviewer: Actor = { userId: 'u-r', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const ngo: Actor = { userId: 'u-n', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };

function answered(overrides: Partial<AnsweredRequest> = {}): AnsweredRequest {
  return {
    id: randomUUID(),
    occurredAt: new Date('2026-11-24T10:00:00Z'),
    actor: ngo,
    requiredPermission: 'community:create',
    method: 'POST',
    url: '/api/v1/communities',
    routeParams: {},
    status: 201,
    correlationId: 'corr-12345678',
    clientAddress: '10.0.0.7',
    ...overrides,
  };
}

describe(toAuditEntry.name, () => {
  it('should record a successful create with who, what, the created id and where it came from', () => {
    const createdId = randomUUID();
    const request = answered({ createdId });
    expect(toAuditEntry(request)).toEqual({
      id: request.id,
      occurredAt: '2026-11-24T10:00:00.000Z',
      source: 'gateway',
      actor: { userId: 'u-n', username: 'ngo.isfara', roles: ['ngo-admin'] },
      action: 'community:create',
      resourceType: 'community',
      resourceId: createdId,
      outcome: 'success',
      httpStatus: 201,
      correlationId: 'corr-12345678',
      clientAddress: '10.0.0.7',
      method: 'POST',
      path: '/api/v1/communities',
    });
  });

  it('should record a 403 from the guard as denied, with the permission that was missing', () => {
    const entry = toAuditEntry(answered({ actor: reviewer, status: 403 }));
    expect(entry).toMatchObject({ action: 'community:create', outcome: 'denied', httpStatus: 403, resourceId: null });
  });

  it('should record a 403 on a read too, naming the route parameter as the resource', () => {
    const entry = toAuditEntry(
      answered({ actor: reviewer, method: 'GET', requiredPermission: 'community:read', url: '/api/v1/communities/abc', routeParams: { id: 'abc' }, status: 403 }),
    );
    expect(entry).toMatchObject({ action: 'community:read', resourceType: 'community', resourceId: 'abc', outcome: 'denied', method: 'GET' });
  });

  it('should record a refusal answered 404 (an object the role never sees) as denied, reads included', () => {
    const entry = toAuditEntry(
      answered({ actor: reviewer, method: 'GET', requiredPermission: 'concern:read', url: '/api/v1/concerns/abc', routeParams: { id: 'abc' }, status: 404, accessDenied: true }),
    );
    expect(entry).toMatchObject({ action: 'concern:read', resourceId: 'abc', outcome: 'denied', httpStatus: 404 });
    expect(toAuditEntry(answered({ actor: reviewer, method: 'GET', requiredPermission: 'concern:read', status: 404 }))).toBeNull();
  });

  it.each([
    [400, 'failed'],
    [404, 'failed'],
    [409, 'failed'],
    [429, 'failed'],
    [503, 'failed'],
    [200, 'success'],
  ])('should record a state-changing request answered %i as %s', (status, outcome) => {
    expect(toAuditEntry(answered({ status }))?.outcome).toBe(outcome);
  });

  it('should keep the query string out of the path, and the id of a single route parameter', () => {
    const entry = toAuditEntry(
      answered({ method: 'GET', requiredPermission: 'report:read', url: '/api/v1/reports/districts/isfara?name=Someone', routeParams: { districtCode: 'isfara' }, status: 403 }),
    );
    expect(entry?.path).toBe('/api/v1/reports/districts/isfara');
    expect(entry?.resourceId).toBe('isfara');
  });

  it('should record reads of the audit log itself', () => {
    const entry = toAuditEntry(answered({ method: 'GET', requiredPermission: 'audit:read', url: '/api/v1/audit?filter={}', status: 200 }));
    expect(entry).toMatchObject({ action: 'audit:read', resourceType: 'audit', outcome: 'success', path: '/api/v1/audit' });
  });

  it('should produce records the contract accepts, cutting over-long values', () => {
    const entry = toAuditEntry(answered({ url: `/api/v1/communities/${'x'.repeat(1000)}`, routeParams: { id: 'y'.repeat(500) }, correlationId: 'c'.repeat(200) }));
    expect(AuditEntrySchema.safeParse(entry).success).toBe(true);
    expect(entry?.path.length).toBe(300);
    expect(entry?.resourceId?.length).toBe(100);
  });
});

describe(shouldAudit.name, () => {
  it.each([
    ['a successful read', { method: 'GET', status: 200, requiredPermission: 'community:read' as const }],
    ['a read hidden as 404', { method: 'GET', status: 404, requiredPermission: 'community:read' as const }],
    ['a HEAD', { method: 'HEAD', status: 200, requiredPermission: 'community:read' as const }],
  ])('should leave out %s', (_name, request) => {
    expect(shouldAudit({ actor: ngo, ...request })).toBe(false);
  });

  it.each([
    ['a 401 on a write', { method: 'POST', status: 401 }],
    ['a 415 on a write before authentication', { method: 'POST', status: 415 }],
    ['a health check', { method: 'GET', status: 200 }],
  ])('should leave out %s: no verified actor', (_name, request) => {
    expect(shouldAudit({ actor: undefined, ...request })).toBe(false);
  });

  it('should record a read its handler marked (an export such as the contact card), whatever its status', () => {
    expect(shouldAudit({ actor: ngo, method: 'GET', status: 200, requiredPermission: 'community:read', auditRead: true })).toBe(true);
    expect(shouldAudit({ actor: ngo, method: 'GET', status: 404, requiredPermission: 'community:read', auditRead: true })).toBe(true);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('should record every %s with an actor', (method) => {
    expect(shouldAudit({ actor: ngo, method, status: 500, requiredPermission: 'community:create' })).toBe(true);
  });
});
