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
  request(target: ScopeCase): { path: string; body?: unknown; headers?: Record<string, string> };
  /** Status when the role holds the permission; `covered` says whether the target is in the caller's scope. */
  allowed(covered: boolean): number;
  /** Checks a 2xx body never shows data outside the caller's scope. */
  inScope?(body: unknown, scope: ActorScope): void;
}

// In-scope target: Isfara (Sughd); out-of-scope: Batken (Batken region, Kyrgyz side).
const TARGETS = { in: { district: 'isfara', region: 'sughd' }, out: { district: 'batken', region: 'batken' } } as const;
const ids: Record<ScopeCase, string> = { in: '', out: '' };
// Records made in beforeAll per target: a fresh community, a police unit referenced by a contact (so it
// cannot be deleted: 409), a contact, a contact to erase (idempotent) and a roster row.
const refs: Record<ScopeCase, { community: string; organisation: string; contact: string; erasable: string; assignment: string }> = {
  in: { community: '', organisation: '', contact: '', erasable: '', assignment: '' },
  out: { community: '', organisation: '', contact: '', erasable: '', assignment: '' },
};
const DISTRICT_REGION: Record<string, string> = { isfara: 'sughd', khujand: 'sughd', batken: 'batken' };
// Region-level records (no district) are visible to holders of a district in that region.
const everyPlaceVisible = (body: unknown, scope: ActorScope) => {
  for (const item of body as { districtCode: string | null; regionCode: string }[]) {
    const visible = item.districtCode
      ? actorCoversDistrict(scope, item.regionCode, item.districtCode)
      : scope.regions.includes(item.regionCode) || scope.districts.some((d) => DISTRICT_REGION[d] === item.regionCode);
    expect(visible).toBe(true);
  }
};
const everyRowInScope = (body: unknown, scope: ActorScope) => {
  for (const item of body as { districtCode: string }[]) expect(actorCoversDistrict(scope, DISTRICT_REGION[item.districtCode], item.districtCode)).toBe(true);
};
const hex = () => randomBytes(4).toString('hex');

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
  // Districts outside the caller's scope are reported per row: 200 with the problem for a dry-run, 422 and nothing written for an apply.
  'POST /community-imports/dry-run': {
    scoped: true,
    request: (t) => ({ path: '/community-imports/dry-run', body: `name,districtCode,kind\nMatrix ${randomBytes(4).toString('hex')},${TARGETS[t].district},village\n`, headers: { 'Content-Type': 'text/csv' } }),
    allowed: () => 200,
  },
  'POST /community-imports': {
    scoped: true,
    request: (t) => ({ path: '/community-imports', body: `name,districtCode,kind\nMatrix ${randomBytes(4).toString('hex')},${TARGETS[t].district},village\n`, headers: { 'Content-Type': 'text/csv' } }),
    allowed: (covered) => (covered ? 201 : 422),
  },
  // Regions are reference data: every reader of geography sees all of them.
  'GET /regions': { scoped: false, request: () => ({ path: '/regions' }), allowed: () => 200 },
  'GET /regions/{code}': { scoped: true, request: (t) => ({ path: `/regions/${TARGETS[t].region}` }), allowed: () => 200 },
  'POST /regions': { scoped: false, request: () => ({ path: '/regions', body: { code: `matrix-${hex()}`, countryCode: 'TJ', name: { en: 'Matrix' } } }), allowed: () => 201 },
  'PATCH /regions/{code}': { scoped: false, request: () => ({ path: '/regions/sughd', body: { location: { lat: 40.3, lng: 69.6 } } }), allowed: () => 200 },
  'GET /districts/{code}': { scoped: true, request: (t) => ({ path: `/districts/${TARGETS[t].district}` }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /districts': { scoped: false, request: () => ({ path: '/districts', body: { code: `matrix-${hex()}`, regionCode: 'batken', name: { en: 'Matrix' } } }), allowed: () => 201 },
  'PATCH /districts/{code}': { scoped: false, request: () => ({ path: '/districts/isfara', body: { location: { lat: 40.12, lng: 70.63 } } }), allowed: () => 200 },
  'PATCH /communities/{id}': {
    scoped: true,
    request: (t) => ({ path: `/communities/${refs[t].community}`, body: { population: 1000 } }),
    allowed: (covered) => (covered ? 200 : 404),
    inScope: (body, scope) => everyItemInScope([body], scope),
  },
  // Nothing may go back to proposed: always 409 in scope, so the cell is repeatable.
  'POST /communities/{id}/transitions': { scoped: true, request: (t) => ({ path: `/communities/${refs[t].community}/transitions`, body: { to: 'proposed' } }), allowed: (covered) => (covered ? 409 : 404) },
  'GET /organisations': {
    scoped: true,
    request: (t) => ({ path: `/organisations?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyPlaceVisible,
  },
  'GET /organisations/{id}': { scoped: true, request: (t) => ({ path: `/organisations/${refs[t].organisation}` }), allowed: (covered) => (covered ? 200 : 404), inScope: (b, s) => everyPlaceVisible([b], s) },
  'POST /organisations': {
    scoped: true,
    request: (t) => ({ path: '/organisations', body: { name: `Matrix ${hex()}`, kind: 'ngo', districtCode: TARGETS[t].district } }),
    allowed: (covered) => (covered ? 201 : 403),
  },
  'PATCH /organisations/{id}': { scoped: true, request: (t) => ({ path: `/organisations/${refs[t].organisation}`, body: { name: 'Matrix police unit' } }), allowed: (covered) => (covered ? 200 : 404) },
  'DELETE /organisations/{id}': { scoped: true, request: (t) => ({ path: `/organisations/${refs[t].organisation}` }), allowed: (covered) => (covered ? 409 : 404) },
  'GET /contacts': {
    scoped: true,
    request: (t) => ({ path: `/contacts?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyPlaceVisible,
  },
  'GET /contacts/{id}': { scoped: true, request: (t) => ({ path: `/contacts/${refs[t].contact}` }), allowed: (covered) => (covered ? 200 : 404), inScope: (b, s) => everyPlaceVisible([b], s) },
  'POST /contacts': {
    scoped: true,
    request: (t) => ({ path: '/contacts', body: { name: `Matrix ${hex()}`, districtCode: TARGETS[t].district, consent: true } }),
    allowed: (covered) => (covered ? 201 : 403),
  },
  'PATCH /contacts/{id}': { scoped: true, request: (t) => ({ path: `/contacts/${refs[t].contact}`, body: { position: 'Inspector' } }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /contacts/{id}/erase': { scoped: true, request: (t) => ({ path: `/contacts/${refs[t].erasable}/erase`, body: {} }), allowed: (covered) => (covered ? 200 : 404) },
  'GET /officer-assignments': { scoped: false, request: () => ({ path: '/officer-assignments?range=[0,499]' }), allowed: () => 200, inScope: everyRowInScope },
  'GET /officer-assignments/{id}': { scoped: true, request: (t) => ({ path: `/officer-assignments/${refs[t].assignment}` }), allowed: (covered) => (covered ? 200 : 404), inScope: (b, s) => everyRowInScope([b], s) },
  // An unknown officer: 400 in scope (the community is checked first: 404 outside), so the cell is repeatable.
  'POST /officer-assignments': {
    scoped: true,
    request: (t) => ({ path: '/officer-assignments', body: { communityId: refs[t].community, officerContactId: '00000000-0000-4000-8000-000000000000' } }),
    allowed: (covered) => (covered ? 400 : 404),
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
    for (const t of ['in', 'out'] as const) {
      const district = TARGETS[t].district;
      const post = async <T extends { id: string }>(path: string, body: unknown): Promise<string> => {
        const response = await api<T>('coordinator', 'POST', path, body);
        if (response.status !== 201) throw new Error(`matrix setup: POST ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.id;
      };
      refs[t].community = await post('/communities', { name: `Matrix ${hex()}`, districtCode: district, kind: 'village' });
      refs[t].organisation = await post('/organisations', { name: `Matrix police ${hex()}`, kind: 'district-police', districtCode: district });
      refs[t].contact = await post('/contacts', { name: `Matrix officer ${hex()}`, organisationId: refs[t].organisation, consent: true });
      refs[t].erasable = await post('/contacts', { name: `Matrix erasable ${hex()}`, districtCode: district });
      refs[t].assignment = await post('/officer-assignments', { communityId: refs[t].community, officerContactId: refs[t].contact });
    }
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
          const { path, body, headers } = fixture.request(target);
          const response = await api(caller.username, op.method, path, body, headers);
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
