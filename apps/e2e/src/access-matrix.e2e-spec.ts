import { hasPermission, type Permission } from '@rd/auth-core';
import { actorCoversDistrict, type ActorScope, type CommunityView, type Role } from '@rd/contracts';
import { DEMO_USERS } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

/**
 * Every gateway operation (read from its OpenAPI description) × every demo user and anonymous × a target
 * inside and outside the caller's district scope, with real Keycloak tokens. The expected status comes
 * from the permission matrix and the scope rules, never from the response. An operation without a
 * fixture here fails the suite.
 */

type ScopeCase = 'in' | 'out';
interface Operation {
  method: string;
  path: string;
  permission: string;
}
interface Fixture {
  /** Whether the target depends on scope (else only the 'in' case runs). */
  scoped: boolean;
  request(target: ScopeCase): { path: string; body?: unknown };
  /** Status when the role holds the permission; `covered` says whether the target is in the caller's scope. */
  allowed(covered: boolean): number;
  /** Checks a 2xx body never shows data outside the caller's scope. */
  inScope?(body: unknown, scope: ActorScope): void;
}

// In-scope target: Isfara (Sughd); out-of-scope: Batken (Batken region, Kyrgyz side).
const TARGETS = { in: { district: 'isfara', region: 'sughd' }, out: { district: 'batken', region: 'batken' } } as const;
const ids: Record<ScopeCase, string> = { in: '', out: '' };

const everyItemInScope = (body: unknown, scope: ActorScope) => {
  for (const item of body as { districtCode?: string; code?: string; regionCode: string }[]) {
    expect(actorCoversDistrict(scope, item.regionCode, item.districtCode ?? item.code ?? '')).toBe(true);
  }
};

const FIXTURES: Record<string, Fixture> = {
  'GET /health': { scoped: false, request: () => ({ path: '/health' }), allowed: () => 200 },
  'GET /openapi.json': { scoped: false, request: () => ({ path: '/openapi.json' }), allowed: () => 200 },
  'GET /me': { scoped: false, request: () => ({ path: '/me' }), allowed: () => 200 },
  'GET /districts': { scoped: false, request: () => ({ path: '/districts' }), allowed: () => 200, inScope: everyItemInScope },
  'GET /communities': {
    scoped: true,
    request: (t) => ({ path: `/communities?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyItemInScope,
  },
  'GET /communities/{id}': { scoped: true, request: (t) => ({ path: `/communities/${ids[t]}` }), allowed: (covered) => (covered ? 200 : 404), inScope: (body, scope) => everyItemInScope([body], scope) },
  'POST /communities': {
    scoped: true,
    request: (t) => ({ path: '/communities', body: { name: `Matrix ${randomBytes(4).toString('hex')}`, districtCode: TARGETS[t].district, kind: 'village' } }),
    allowed: (covered) => (covered ? 201 : 403),
    inScope: (body, scope) => everyItemInScope([body], scope),
  },
  'GET /reports/districts/{districtCode}': {
    scoped: true,
    request: (t) => ({ path: `/reports/districts/${TARGETS[t].district}` }),
    allowed: (covered) => (covered ? 200 : 404),
    inScope: (body, scope) => everyItemInScope([body], scope),
  },
  'GET /audit': { scoped: false, request: () => ({ path: '/audit?range=[0,9]' }), allowed: () => 200 },
};

interface Caller {
  username: string | null;
  roles: Role[];
  scope: ActorScope;
}

const CALLERS: Caller[] = [
  { username: null, roles: [], scope: { national: false, regions: [], districts: [] } },
  ...Object.values(DEMO_USERS).map((user) => {
    const parts = (user.groups as readonly string[]).map((group) => group.split('/').filter(Boolean));
    return {
      username: user.username,
      roles: [user.role] as Role[],
      scope: {
        national: user.role === 'national-coordinator',
        regions: parts.filter((p) => p.length === 1).map((p) => p[0]),
        districts: parts.filter((p) => p.length === 2).map((p) => p[1]),
      },
    };
  }),
];

describe('access-control matrix', () => {
  let operations: Operation[] = [];

  beforeAll(async () => {
    const document = await fetch(`${e2eEnv().gatewayUrl}/openapi.json`).then((r) => r.json() as Promise<{ paths: Record<string, Record<string, { 'x-permission': string }>> }>);
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, permission: op['x-permission'] })),
    );
    const inList = await api<CommunityView[]>('coordinator', 'GET', `/communities?range=[0,0]&filter=${encodeURIComponent('{"districtCode":"isfara"}')}`);
    const outList = await api<CommunityView[]>('coordinator', 'GET', `/communities?range=[0,0]&filter=${encodeURIComponent('{"districtCode":"batken"}')}`);
    ids.in = inList.body[0].id;
    ids.out = outList.body[0].id;
  });

  it('should have a fixture for every operation the gateway documents, and no stale fixture', () => {
    const documented = operations.map((op) => `${op.method} ${op.path}`).sort();
    expect(documented.filter((key) => !FIXTURES[key])).toEqual([]);
    expect(Object.keys(FIXTURES).filter((key) => !documented.includes(key) && key !== 'GET /audit')).toEqual([]);
  });

  it('should answer every operation × caller × scope with the status the matrix predicts', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const fixture = FIXTURES[`${op.method} ${op.path}`];
      if (!fixture) continue;
      for (const caller of CALLERS) {
        for (const target of fixture.scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          const covered = actorCoversDistrict(caller.scope, TARGETS[target].region, TARGETS[target].district);
          const expected =
            op.permission === 'public'
              ? fixture.allowed(true)
              : caller.username === null
                ? 401
                : !hasPermission(caller.roles, op.permission as Permission)
                  ? 403
                  : fixture.allowed(covered);
          const { path, body } = fixture.request(target);
          const response = await api(caller.username, op.method, path, body);
          cells += 1;
          const label = `${op.method} ${op.path} as ${caller.username ?? 'anonymous'} (${target} of scope)`;
          if (response.status !== expected) mismatches.push(`${label}: expected ${expected}, got ${response.status}`);
          else if (response.status < 300 && caller.username && !caller.scope.national && fixture.inScope) {
            try {
              fixture.inScope(response.body, caller.scope);
            } catch {
              mismatches.push(`${label}: response holds data outside the caller's scope`);
            }
          }
        }
      }
    }
    process.stdout.write(`[e2e] access-control matrix: ${operations.length} operations × ${CALLERS.length} callers → ${cells} cells checked\n`);
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(50);
  });
});
