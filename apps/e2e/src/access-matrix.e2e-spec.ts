import { canReadConcern, hasPermission, seesObjectsOf, type Permission } from '@rd/auth-core';
import {
  actorCoversDistrict,
  SENSITIVITIES,
  type Actor,
  type ActorScope,
  type CommunityView,
  type ConcernView,
  type DirectoryEntry,
  type Role,
  type Sensitivity,
  type UserView,
} from '@rd/contracts';
import { DEMO_USERS } from '@rd/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { insertHeldMeeting, subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { deleteKeycloakUsers } from './support/keycloak-users';

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
  /** Run once per concern sensitivity: the target is the concern (or its action) of that sensitivity. */
  perSensitivity?: boolean;
  request(target: ScopeCase, sensitivity: Sensitivity): { path: string; body?: unknown; headers?: Record<string, string> };
  /**
   * Status when the role holds the permission; `covered` says whether the target is in the caller's scope,
   * `readable` whether canReadConcern lets the caller read the target concern (per-sensitivity fixtures).
   */
  allowed(covered: boolean, readable: boolean): number;
  /** Checks a 2xx body never shows data outside the caller's scope (or concerns the caller may not read). */
  inScope?(body: unknown, scope: ActorScope, actor: Actor): void;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const UUID_ALL = new RegExp(UUID.source, 'g');

// In-scope target: Isfara (Sughd); out-of-scope: Batken (Batken region, Kyrgyz side).
const TARGETS = { in: { district: 'isfara', region: 'sughd' }, out: { district: 'batken', region: 'batken' } } as const;
const ids: Record<ScopeCase, string> = { in: '', out: '' };
// Records made in beforeAll per target: a fresh community, a police unit referenced by a contact (so it
// cannot be deleted: 409), a contact, a contact to erase (idempotent) and a roster row.
const refs: Record<ScopeCase, { community: string; organisation: string; contact: string; erasable: string; erased: string; assignment: string }> = {
  in: { community: '', organisation: '', contact: '', erasable: '', erased: '', assignment: '' },
  out: { community: '', organisation: '', contact: '', erasable: '', erased: '', assignment: '' },
};
// A draft meeting per target (for a fresh community of that district), made in beforeAll.
const meetingRefs: Record<ScopeCase, string> = { in: '', out: '' };
const MATRIX_AGE_ROW = { under18: 1, from18to29: 1, from30to59: 1, from60: 1 };
// Days for past reporting days, one apart from 2001 on: the fresh communities never get the same day twice.
let pastDays = 0;
const nextPastDay = () => new Date(Date.UTC(2001, 0, 1) + pastDays++ * 86_400_000).toISOString().slice(0, 10);
// Per target: a held meeting, one concern per sensitivity (confidential ones name one real Keycloak user
// as handler: ngo.isfara in Isfara, police.batken in Batken) and one finished action per concern.
const HANDLER_OF: Record<ScopeCase, string> = { in: 'ngo.isfara', out: 'police.batken' };
const handlerSubs: Record<ScopeCase, string> = { in: '', out: '' };
const concernRefs: Record<ScopeCase, { meeting: string; concerns: Record<Sensitivity, string>; actions: Record<Sensitivity, string> }> = {
  in: { meeting: '', concerns: { public: '', restricted: '', confidential: '' }, actions: { public: '', restricted: '', confidential: '' } },
  out: { meeting: '', concerns: { public: '', restricted: '', confidential: '' }, actions: { public: '', restricted: '', confidential: '' } },
};
const concernFacts = (t: ScopeCase, sensitivity: Sensitivity) => ({
  districtCode: TARGETS[t].district,
  regionCode: TARGETS[t].region,
  sensitivity,
  handlerIds: sensitivity === 'confidential' ? [handlerSubs[t]] : [],
});
// Every concern a list returns must pass canReadConcern for the caller.
const everyConcernReadable = (body: unknown, _scope: ActorScope, actor: Actor) => {
  for (const concern of body as ConcernView[]) expect(canReadConcern(actor, concern)).toBe(true);
};
// Every action a list returns belongs to a concern in scope, and to a readable one where the matrix made it.
const everyActionReadable = (body: unknown, scope: ActorScope, actor: Actor) => {
  for (const action of body as { concernId: string; concernSensitivity: Sensitivity; districtCode: string; regionCode: string }[]) {
    expect(actorCoversDistrict(scope, action.regionCode, action.districtCode)).toBe(true);
    for (const t of ['in', 'out'] as const) {
      for (const sensitivity of SENSITIVITIES) {
        if (concernRefs[t].concerns[sensitivity] === action.concernId) expect(canReadConcern(actor, concernFacts(t, sensitivity))).toBe(true);
      }
    }
  }
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
// A report body: its unit and every child in scope; children (communities) only for callers with drill-down,
// and then suppression is off only when the caller may drill down.
const reportInScope = (body: unknown, scope: ActorScope, actor: Actor) => {
  const report = body as { unit: { districtCode: string; regionCode: string }; drillDown: boolean; suppression: { applied: boolean }; children: { unit: { districtCode: string; regionCode: string } }[] };
  expect(actorCoversDistrict(scope, report.unit.regionCode, report.unit.districtCode)).toBe(true);
  const drillDown = hasPermission(actor.roles, 'report:drill-down' as Permission);
  expect(report.drillDown).toBe(drillDown);
  if (!drillDown) {
    expect(report.children).toEqual([]);
    expect(report.suppression.applied).toBe(true);
  }
  for (const child of report.children) expect(actorCoversDistrict(scope, child.unit.regionCode, child.unit.districtCode)).toBe(true);
};
const hex = () => randomBytes(4).toString('hex');
const DEFAULT_TEMPLATE_ID = '5d1f3c2a-7b7e-4c39-9a51-0d6a4c1e0001';
const BRIEFING = { title: { en: 'Matrix briefing' }, summary: { en: 'Summary' }, body: { en: 'Body' }, effectiveDate: '2027-01-01' };

const everyItemInScope = (body: unknown, scope: ActorScope) => {
  for (const item of body as { districtCode?: string; code?: string; regionCode: string }[]) {
    expect(actorCoversDistrict(scope, item.regionCode, item.districtCode ?? item.code ?? '')).toBe(true);
  }
};

// User administration targets: a demo police officer of the target district (read, changed with an empty patch,
// sent a password reset) and a police officer made for the matrix (disabled and enabled), deleted in afterAll.
const USER_TARGET: Record<ScopeCase, string> = { in: 'police.isfara', out: 'police.batken' };
const userRefs: Record<ScopeCase, { demo: string; disposable: string }> = { in: { demo: '', disposable: '' }, out: { demo: '', disposable: '' } };
const byFilter = (filter: Record<string, unknown>) => `range=[0,499]&filter=${encodeURIComponent(JSON.stringify(filter))}`;
const everyUserInScope = (body: unknown, scope: ActorScope) => {
  for (const user of body as UserView[]) expect(user.districtCode !== null && actorCoversDistrict(scope, DISTRICT_REGION[user.districtCode], user.districtCode)).toBe(true);
};
// The directory: the coordinators, and users working in at least one district of the caller's scope; no email.
const everyEntryInScope = (body: unknown, scope: ActorScope) => {
  for (const entry of body as DirectoryEntry[]) {
    expect(entry).not.toHaveProperty('email');
    expect(entry.role === 'national-coordinator' || entry.districtCodes.some((d) => actorCoversDistrict(scope, DISTRICT_REGION[d], d))).toBe(true);
  }
};

const FIXTURES: Record<string, Fixture> = {
  'GET /users': { scoped: true, request: (t) => ({ path: `/users?${byFilter({ districtCode: TARGETS[t].district })}` }), allowed: () => 200, inScope: everyUserInScope },
  'GET /users/{id}': { scoped: true, request: (t) => ({ path: `/users/${userRefs[t].demo}` }), allowed: (covered) => (covered ? 200 : 404) },
  // The demo officer's email: past the rules it is a conflict, so the matrix never creates a user.
  'POST /users': {
    scoped: true,
    request: (t) => ({
      path: '/users',
      body: { email: `${USER_TARGET[t]}@reporting-days.test`, firstName: 'Matrix', lastName: 'Duplicate', role: 'police-officer', districtCode: TARGETS[t].district },
    }),
    allowed: (covered) => (covered ? 409 : 403),
  },
  'PATCH /users/{id}': { scoped: true, request: (t) => ({ path: `/users/${userRefs[t].demo}`, body: {} }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /users/{id}/disable': { scoped: true, request: (t) => ({ path: `/users/${userRefs[t].disposable}/disable`, body: {} }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /users/{id}/enable': { scoped: true, request: (t) => ({ path: `/users/${userRefs[t].disposable}/enable`, body: {} }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /users/{id}/reset-credentials': { scoped: true, request: (t) => ({ path: `/users/${userRefs[t].demo}/reset-credentials`, body: {} }), allowed: (covered) => (covered ? 202 : 404) },
  'GET /directory': { scoped: true, request: (t) => ({ path: `/directory?${byFilter({ districtCode: TARGETS[t].district })}` }), allowed: () => 200, inScope: everyEntryInScope },
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
  'GET /communities/{id}/contact-card': { scoped: true, request: (t) => ({ path: `/communities/${refs[t].community}/contact-card` }), allowed: (covered) => (covered ? 200 : 404) },
  'GET /communities/{id}/contact-card.pdf': { scoped: true, request: (t) => ({ path: `/communities/${refs[t].community}/contact-card.pdf` }), allowed: (covered) => (covered ? 200 : 404) },
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
  // Reporting: a district summary and time series; children are communities only with drill-down.
  'GET /reports/summary': {
    scoped: true,
    request: (t) => ({ path: `/reports/summary?level=district&code=${TARGETS[t].district}&from=2026-Q1&to=2026-Q4` }),
    allowed: (covered) => (covered ? 200 : 404),
    inScope: (body, scope, actor) => reportInScope(body, scope, actor),
  },
  'GET /reports/timeseries': {
    scoped: true,
    request: (t) => ({ path: `/reports/timeseries?level=district&code=${TARGETS[t].district}&from=2026-Q1&to=2026-Q4` }),
    allowed: (covered) => (covered ? 200 : 404),
    inScope: (body, scope) => {
      const unit = (body as { unit: { districtCode: string; regionCode: string } }).unit;
      expect(actorCoversDistrict(scope, unit.regionCode, unit.districtCode)).toBe(true);
    },
  },
  'GET /reports/missing': {
    scoped: true,
    request: (t) => ({ path: `/reports/missing?level=district&code=${TARGETS[t].district}&quarter=2026-Q4` }),
    allowed: (covered) => (covered ? 200 : 404),
    inScope: (body, scope) => everyItemInScope((body as { items: unknown[] }).items, scope),
  },
  // Report exports: requested with the caller's scope; a job is only ever visible to its requester and
  // the national coordinator (apps/e2e/src/report-exports.e2e-spec.ts), so an unknown id answers 404 to everyone.
  'POST /report-exports': {
    scoped: true,
    request: (t) => ({ path: '/report-exports', body: { format: 'csv', level: 'district', code: TARGETS[t].district, from: '2026-Q1' } }),
    allowed: (covered) => (covered ? 202 : 404),
    inScope: (body, _scope, actor) => expect((body as { requestedBy: string }).requestedBy).toBe(actor.username),
  },
  'GET /report-exports': {
    scoped: false,
    request: () => ({ path: '/report-exports?range=[0,99]' }),
    allowed: () => 200,
    inScope: (body, _scope, actor) => {
      for (const job of body as { requestedBy: string }[]) expect(job.requestedBy).toBe(actor.username);
    },
  },
  'GET /reports/summary.csv': {
    scoped: true,
    request: (t) => ({ path: `/reports/summary.csv?level=district&code=${TARGETS[t].district}&from=2026-Q1` }),
    allowed: (covered) => (covered ? 200 : 404),
  },
  'GET /report-exports/{id}': { scoped: false, request: () => ({ path: `/report-exports/${randomUUID()}` }), allowed: () => 404 },
  'GET /report-exports/{id}/content': { scoped: false, request: () => ({ path: `/report-exports/${randomUUID()}/content` }), allowed: () => 404 },
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
  // Past reporting days (ADR 35): a fresh day each time (one per community and day), on the target's fresh community.
  'POST /past-reporting-days': {
    scoped: true,
    request: (t) => ({ path: '/past-reporting-days', body: { communityId: refs[t].community, heldOn: nextPastDay(), organisedBy: 'police', attendance: { counts: { women: MATRIX_AGE_ROW, men: MATRIX_AGE_ROW, other: MATRIX_AGE_ROW } } } }),
    allowed: (covered) => (covered ? 201 : 404),
  },
  // A community outside the caller's scope is a row problem: 200 with it for a dry run, 422 and nothing stored for an apply.
  'POST /past-reporting-day-imports/dry-run': {
    scoped: true,
    request: (t) => ({ path: '/past-reporting-day-imports/dry-run', body: `communityId,heldOn,organisedBy,women_18to29\n${refs[t].community},${nextPastDay()},police,3\n`, headers: { 'Content-Type': 'text/csv' } }),
    allowed: () => 200,
  },
  'POST /past-reporting-day-imports': {
    scoped: true,
    request: (t) => ({ path: '/past-reporting-day-imports', body: `communityId,heldOn,organisedBy,women_18to29\n${refs[t].community},${nextPastDay()},police,3\n`, headers: { 'Content-Type': 'text/csv' } }),
    allowed: (covered) => (covered ? 201 : 422),
  },
  // The draft meeting was not recorded afterwards: 409 in scope; nothing stored, so every GET is 404.
  'PUT /meetings/{id}/minutes-file': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/minutes-file`, body: '%PDF-1.4\nmatrix\n', headers: { 'Content-Type': 'application/pdf' } }),
    allowed: (covered) => (covered ? 409 : 404),
  },
  'GET /meetings/{id}/minutes-file': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/minutes-file` }), allowed: () => 404 },
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
  'PUT /contacts/{id}/card-consent': { scoped: true, request: (t) => ({ path: `/contacts/${refs[t].erased}/card-consent`, body: { publish: false } }), allowed: (covered) => (covered ? 409 : 404) },
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
  'GET /audit/verify': { scoped: false, request: () => ({ path: '/audit/verify' }), allowed: () => 200 },
  'GET /meetings/{meetingId}/concerns': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${concernRefs[t].meeting}/concerns?range=[0,499]` }),
    allowed: (covered) => (covered ? 200 : 404),
    inScope: everyConcernReadable,
  },
  'POST /meetings/{meetingId}/concerns': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${concernRefs[t].meeting}/concerns`, body: { topic: 'road-safety', text: `Matrix concern ${hex()}` } }),
    allowed: (covered) => (covered ? 201 : 404),
  },
  // The register across meetings: the district filter makes the out case the other district's concerns (an empty page
  // outside scope, as filters only narrow); every row must be one the caller may read.
  'GET /concerns': {
    scoped: true,
    request: (t) => ({ path: `/concerns?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyConcernReadable,
  },
  'GET /concerns/{id}': {
    scoped: true,
    perSensitivity: true,
    request: (t, sensitivity) => ({ path: `/concerns/${concernRefs[t].concerns[sensitivity]}` }),
    allowed: (_covered, readable) => (readable ? 200 : 404),
    inScope: (body, scope, actor) => everyConcernReadable([body], scope, actor),
  },
  // Same answer each time, so the cell is repeatable; lowering rules are in concerns.e2e-spec.ts.
  'PATCH /concerns/{id}': {
    scoped: true,
    perSensitivity: true,
    request: (t, sensitivity) => ({ path: `/concerns/${concernRefs[t].concerns[sensitivity]}`, body: { answer: 'Matrix answer' } }),
    allowed: (_covered, readable) => (readable ? 200 : 404),
  },
  'POST /concerns/{id}/actions': {
    scoped: true,
    perSensitivity: true,
    request: (t, sensitivity) => ({ path: `/concerns/${concernRefs[t].concerns[sensitivity]}/actions`, body: { ownerOrganisationId: refs[t].organisation, dueDate: '2027-03-31' } }),
    allowed: (_covered, readable) => (readable ? 201 : 404),
  },
  'GET /actions': {
    scoped: true,
    request: (t) => ({ path: `/actions?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyActionReadable,
  },
  // The action is done already: 409 for whoever may read its concern, so the cell is repeatable.
  'POST /actions/{id}/transitions': {
    scoped: true,
    perSensitivity: true,
    request: (t, sensitivity) => ({ path: `/actions/${concernRefs[t].actions[sensitivity]}/transitions`, body: { to: 'dropped', reason: 'Matrix' } }),
    allowed: (_covered, readable) => (readable ? 409 : 404),
  },
  'GET /meetings': {
    scoped: true,
    request: (t) => ({ path: `/meetings?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyItemInScope,
  },
  'GET /meetings/{id}': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}` }), allowed: (covered) => (covered ? 200 : 404), inScope: (b, s) => everyItemInScope([b], s) },
  // The district is looked up in the caller's scope first: 403 outside it.
  'POST /meetings': {
    scoped: true,
    request: (t) => ({
      path: '/meetings',
      body: { kind: 'local', communityIds: [refs[t].community], districtCode: TARGETS[t].district, title: 'Matrix meeting', startsAt: '2027-01-20T05:00:00Z', venueName: 'Matrix hall', venueType: 'school', organisedBy: 'police' },
    }),
    allowed: (covered) => (covered ? 201 : 403),
    inScope: (b, s) => everyItemInScope([b], s),
  },
  'PATCH /meetings/{id}': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}`, body: { venueName: 'Matrix hall' } }), allowed: (covered) => (covered ? 200 : 404) },
  // A draft cannot be closed: always 409 in scope, so the cell is repeatable.
  'POST /meetings/{id}/transitions': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/transitions`, body: { to: 'closed' } }), allowed: (covered) => (covered ? 409 : 404) },
  'GET /meetings/{id}/calendar.ics': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/calendar.ics` }), allowed: (covered) => (covered ? 200 : 404) },
  // Attendance and feedback of the draft meeting: none recorded (404) and none accepted before it is held (409); out of scope the meeting is not found.
  'PUT /meetings/{id}/attendance': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/attendance`, body: { counts: { women: MATRIX_AGE_ROW, men: MATRIX_AGE_ROW, other: MATRIX_AGE_ROW } } }),
    allowed: (covered) => (covered ? 409 : 404),
  },
  'GET /meetings/{id}/attendance': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/attendance` }), allowed: () => 404 },
  'POST /meetings/{id}/feedback': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/feedback`, body: [{ usefulness: 4, trustInPolice: 4, wouldContactPoliceFirst: true }] }),
    allowed: (covered) => (covered ? 409 : 404),
  },
  // Resident survey (ADR 46) of the draft meeting: none opened (404), and opening one needs a held meeting (409 in scope).
  'POST /meetings/{id}/survey': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/survey`, body: {} }), allowed: (covered) => (covered ? 409 : 404) },
  'GET /meetings/{id}/survey': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/survey` }), allowed: () => 404 },
  'POST /meetings/{id}/survey/close': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/survey/close`, body: {} }), allowed: () => 404 },
  'POST /meetings/{id}/survey/reopen': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/survey/reopen`, body: {} }), allowed: () => 404 },
  // The public form: anyone, no token; a code nobody was given is simply not found.
  'GET /public/surveys/{code}': { scoped: false, request: () => ({ path: '/public/surveys/ABCDEFGH23' }), allowed: () => 404 },
  'POST /public/surveys/{code}/answers': {
    scoped: false,
    request: () => ({ path: '/public/surveys/ABCDEFGH23/answers', body: { usefulness: 4, trustInPolice: 4, wouldContactPoliceFirst: true } }),
    allowed: () => 404,
  },
  'GET /meetings/{id}/feedback/summary': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/feedback/summary` }), allowed: (covered) => (covered ? 200 : 404) },
  // Minutes of the draft meeting: none yet (200); drafting and approving need a held meeting (409 in scope).
  'GET /meetings/{id}/minutes': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/minutes` }), allowed: (covered) => (covered ? 200 : 404) },
  'PUT /meetings/{id}/minutes': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/minutes`, body: { body: '# Matrix minutes' } }), allowed: (covered) => (covered ? 409 : 404) },
  // The held meeting with a concern of each sensitivity: the PDF is built from the reader's own minutes view.
  'GET /meetings/{id}/minutes.pdf': { scoped: true, request: (t) => ({ path: `/meetings/${concernRefs[t].meeting}/minutes.pdf` }), allowed: (covered) => (covered ? 200 : 404) },
  'GET /meetings/{id}/minutes/versions': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/minutes/versions` }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /meetings/{id}/minutes/approve': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/minutes/approve`, body: {} }), allowed: (covered) => (covered ? 409 : 404) },
  'GET /districts/{code}/meetings.ics': { scoped: true, request: (t) => ({ path: `/districts/${TARGETS[t].district}/meetings.ics` }), allowed: (covered) => (covered ? 200 : 404) },
  // ADR 37: one's own feed (no target: scope plays no part); the feed itself is public, its secret the credential.
  'GET /calendar/feed': { scoped: false, request: () => ({ path: '/calendar/feed' }), allowed: () => 200 },
  'POST /calendar/feed': { scoped: false, request: () => ({ path: '/calendar/feed', body: {} }), allowed: () => 201 },
  'DELETE /calendar/feed': { scoped: false, request: () => ({ path: '/calendar/feed' }), allowed: () => 204 },
  'GET /calendar/feeds/{file}': { scoped: false, request: () => ({ path: `/calendar/feeds/${randomBytes(32).toString('base64url')}.ics` }), allowed: () => 404 },
  // Handbook templates hold no district data; the seeded default v1 has a fixed id.
  'GET /templates': { scoped: false, request: () => ({ path: '/templates' }), allowed: () => 200 },
  'GET /templates/{id}': { scoped: false, request: () => ({ path: `/templates/${DEFAULT_TEMPLATE_ID}` }), allowed: () => 200 },
  'GET /meetings/{id}/agenda': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/agenda` }), allowed: (covered) => (covered ? 200 : 404) },
  'POST /meetings/{id}/apply-template': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/apply-template`, body: { templateId: DEFAULT_TEMPLATE_ID } }),
    allowed: (covered) => (covered ? 200 : 404),
  },
  // An unknown item: 404 in scope, and the meeting itself is not found outside it.
  'POST /meetings/{id}/checklist/{itemId}/tick': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/checklist/${randomUUID()}/tick`, body: {} }),
    allowed: (covered) => (covered ? 404 : 404),
  },
  // The briefing library is national; unknown ids answer 404 to whoever may read or manage it.
  'GET /briefings': { scoped: false, request: () => ({ path: '/briefings' }), allowed: () => 200 },
  'GET /briefings/{id}': { scoped: false, request: () => ({ path: `/briefings/${randomUUID()}` }), allowed: () => 404 },
  'GET /briefings/{id}/deliveries': { scoped: false, request: () => ({ path: `/briefings/${randomUUID()}/deliveries` }), allowed: () => 404 },
  'POST /briefings': { scoped: false, request: () => ({ path: '/briefings', body: BRIEFING }), allowed: () => 201 },
  'POST /briefings/{id}/versions': { scoped: false, request: () => ({ path: `/briefings/${randomUUID()}/versions`, body: BRIEFING }), allowed: () => 404 },
  'POST /meetings/{id}/agenda/items/{itemId}/briefing': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/agenda/items/${randomUUID()}/briefing`, body: { briefingId: randomUUID() } }),
    allowed: (covered) => (covered ? 404 : 404),
  },
  // Editing the agenda of the draft meeting: each planner in scope adds an item (201); removing or moving an unknown
  // item is 404 in scope, and outside it the meeting itself is not found.
  'POST /meetings/{id}/agenda/items': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/agenda/items`, body: { kind: 'questions-and-answers', title: 'Matrix questions' } }),
    allowed: (covered) => (covered ? 201 : 404),
  },
  'DELETE /meetings/{id}/agenda/items/{itemId}': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/agenda/items/${randomUUID()}` }),
    allowed: (covered) => (covered ? 404 : 404),
  },
  'POST /meetings/{id}/agenda/items/{itemId}/move': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/agenda/items/${randomUUID()}/move`, body: { position: 1 } }),
    allowed: (covered) => (covered ? 404 : 404),
  },
  // A new template version of an unknown family: 404 to whoever holds template:manage (nothing is written).
  'POST /templates/{id}/versions': {
    scoped: false,
    request: () => ({ path: `/templates/${randomUUID()}/versions`, body: { agenda: [{ kind: 'next-steps', title: 'Matrix' }], checklist: [] } }),
    allowed: () => 404,
  },
  // The sign-in sheet of the draft meeting: none attached (404), none accepted before it is held (409); out of scope not found.
  'PUT /meetings/{id}/attendance/sign-in-sheet': {
    scoped: true,
    request: (t) => ({ path: `/meetings/${meetingRefs[t]}/attendance/sign-in-sheet`, body: '%PDF-1.4\nmatrix\n', headers: { 'Content-Type': 'application/pdf' } }),
    allowed: (covered) => (covered ? 409 : 404),
  },
  'GET /meetings/{id}/attendance/sign-in-sheet': { scoped: true, request: (t) => ({ path: `/meetings/${meetingRefs[t]}/attendance/sign-in-sheet` }), allowed: () => 404 },
  // Notifications: the inbox is per caller (no target); unknown ids answer 404; a template with a mustache
  // syntax error is refused (400), so the cells are repeatable and write nothing.
  'GET /notifications/inbox': { scoped: false, request: () => ({ path: '/notifications/inbox?range=[0,24]' }), allowed: () => 200 },
  'GET /notifications/inbox/count': { scoped: false, request: () => ({ path: '/notifications/inbox/count' }), allowed: () => 200 },
  'POST /notifications/inbox/read-all': { scoped: false, request: () => ({ path: '/notifications/inbox/read-all', body: {} }), allowed: () => 200 },
  'POST /notifications/inbox/{id}/read': { scoped: false, request: () => ({ path: `/notifications/inbox/${randomUUID()}/read`, body: {} }), allowed: () => 404 },
  'POST /notifications/inbox/{id}/unread': { scoped: false, request: () => ({ path: `/notifications/inbox/${randomUUID()}/unread`, body: {} }), allowed: () => 404 },
  'GET /notifications/deliveries': {
    scoped: true,
    request: (t) => ({ path: `/notifications/deliveries?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ districtCode: TARGETS[t].district }))}` }),
    allowed: () => 200,
    inScope: everyItemInScope,
  },
  'GET /notifications/deliveries/{id}': { scoped: false, request: () => ({ path: `/notifications/deliveries/${randomUUID()}` }), allowed: () => 404 },
  'POST /notifications/deliveries/{id}/resend': { scoped: false, request: () => ({ path: `/notifications/deliveries/${randomUUID()}/resend`, body: {} }), allowed: () => 404 },
  'GET /notifications/templates': { scoped: false, request: () => ({ path: '/notifications/templates?range=[0,99]' }), allowed: () => 200 },
  'GET /notifications/templates/{id}': { scoped: false, request: () => ({ path: '/notifications/templates/meeting-invitation.en' }), allowed: () => 200 },
  'GET /notifications/templates/{id}/versions': { scoped: false, request: () => ({ path: '/notifications/templates/meeting-invitation.en/versions' }), allowed: () => 200 },
  'POST /notifications/templates/{id}/versions': {
    scoped: false,
    request: () => ({ path: '/notifications/templates/meeting-invitation.en/versions', body: { subject: 'Matrix {{#meeting}}', text: 'Matrix', sms: 'Matrix' } }),
    allowed: () => 400,
  },
  'POST /notifications/templates/{id}/preview': { scoped: false, request: () => ({ path: '/notifications/templates/meeting-invitation.en/preview', body: {} }), allowed: () => 200 },
  'GET /notifications/settings/{districtCode}': { scoped: true, request: (t) => ({ path: `/notifications/settings/${TARGETS[t].district}` }), allowed: (covered) => (covered ? 200 : 404) },
  'PUT /notifications/settings/{districtCode}': {
    scoped: true,
    request: (t) => ({ path: `/notifications/settings/${TARGETS[t].district}`, body: { reminderDaysBefore: [7, 1], minutesChaseDaysAfter: [3, 7], quarterWarningDays: 21 } }),
    allowed: (covered) => (covered ? 200 : 404),
  },
};

interface Caller {
  username: string | null;
  /** Keycloak subject, read from the caller's token in beforeAll (handlers are named by it). */
  userId: string;
  roles: Role[];
  scope: ActorScope;
}

const CALLERS: Caller[] = [
  { username: null, userId: '', roles: [], scope: { national: false, regions: [], districts: [] } },
  ...Object.values(DEMO_USERS).map((user) => {
    const parts = (user.groups as readonly string[]).map((group) => group.split('/').filter(Boolean));
    return {
      username: user.username,
      userId: '',
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
      // Erased up front: publishing on the contact card answers 409 to every caller who reaches it, whoever they are.
      refs[t].erased = await post('/contacts', { name: `Matrix erased ${hex()}`, districtCode: district });
      const erased = await api('coordinator', 'POST', `/contacts/${refs[t].erased}/erase`, {});
      if (erased.status !== 200) throw new Error(`matrix setup: erase answered ${erased.status}`);
      refs[t].assignment = await post('/officer-assignments', { communityId: refs[t].community, officerContactId: refs[t].contact });
      meetingRefs[t] = await post('/meetings', {
        kind: 'local',
        communityIds: [refs[t].community],
        districtCode: district,
        title: 'Matrix meeting',
        startsAt: '2027-01-20T05:00:00Z',
        venueName: 'Matrix hall',
        venueType: 'school',
        organisedBy: 'police',
      });
    }
  });

  beforeAll(async () => {
    for (const t of ['in', 'out'] as const) {
      userRefs[t].demo = await subjectOf(USER_TARGET[t]);
      const email = `matrix-${hex()}@reporting-days.test`;
      const response = await api<UserView>('coordinator', 'POST', '/users', { email, firstName: 'Matrix', lastName: 'Disposable', role: 'police-officer', districtCode: TARGETS[t].district });
      if (response.status !== 201) throw new Error(`matrix setup: POST /users answered ${response.status} ${JSON.stringify(response.body)}`);
      userRefs[t].disposable = response.body.id;
    }
  });

  afterAll(async () => {
    await deleteKeycloakUsers([userRefs.in.disposable, userRefs.out.disposable].filter(Boolean));
  });

  beforeAll(async () => {
    for (const caller of CALLERS) if (caller.username) caller.userId = await subjectOf(caller.username);
    for (const t of ['in', 'out'] as const) {
      handlerSubs[t] = await subjectOf(HANDLER_OF[t]);
      concernRefs[t].meeting = await insertHeldMeeting(TARGETS[t].district, TARGETS[t].region);
      const post = async <T extends { id: string }>(path: string, body: unknown, status = 201): Promise<string> => {
        const response = await api<T>('coordinator', 'POST', path, body);
        if (response.status !== status) throw new Error(`matrix setup: POST ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.id;
      };
      for (const sensitivity of SENSITIVITIES) {
        const handlerIds = sensitivity === 'confidential' ? [handlerSubs[t]] : [];
        const concern = await post(`/meetings/${concernRefs[t].meeting}/concerns`, { topic: 'other', sensitivity, text: `Matrix ${sensitivity} ${hex()}`, handlerIds });
        concernRefs[t].concerns[sensitivity] = concern;
        const action = await post(`/concerns/${concern}/actions`, { ownerOrganisationId: refs[t].organisation, dueDate: '2027-03-31' });
        await post(`/actions/${action}/transitions`, { to: 'in-progress' }, 200);
        await post(`/actions/${action}/transitions`, { to: 'done', note: 'Matrix' }, 200);
        concernRefs[t].actions[sensitivity] = action;
      }
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
    let ghosts = 0;
    for (const op of operations) {
      const fixture = FIXTURES[`${op.method} ${op.path}`];
      if (!fixture) continue;
      for (const caller of CALLERS) {
        const actor: Actor = { userId: caller.userId, username: caller.username ?? '', roles: caller.roles, scope: caller.scope };
        for (const target of fixture.scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          // Concern routes run once per sensitivity; the others once ('public' is then only a placeholder).
          for (const sensitivity of fixture.perSensitivity ? SENSITIVITIES : (['public'] as const)) {
            const covered = actorCoversDistrict(caller.scope, TARGETS[target].region, TARGETS[target].district);
            const readable = caller.username !== null && canReadConcern(actor, concernFacts(target, sensitivity));
            const expected =
              op.permission === 'public'
                ? fixture.allowed(true, true)
                : caller.username === null
                  ? 401
                  : !hasPermission(caller.roles, op.permission as Permission)
                    ? // One answer for what is not yours: a route naming an object of a kind the role never sees is 404.
                      op.path.includes('{') && !seesObjectsOf(caller.roles, op.permission as Permission)
                      ? 404
                      : 403
                    : fixture.allowed(covered, readable);
            const { path, body, headers } = fixture.request(target, sensitivity);
            const response = await api(caller.username, op.method, path, body, headers);
            cells += 1;
            const label = `${op.method} ${op.path} as ${caller.username ?? 'anonymous'} (${target} of scope${fixture.perSensitivity ? `, ${sensitivity}` : ''})`;
            if (response.status !== expected) mismatches.push(`${label}: expected ${expected}, got ${response.status}`);
            else if ((response.status === 403 || response.status === 404) && UUID.test(path)) {
              // One answer for what is not yours: refused or hidden, the answer must be the one an object
              // that does not exist gets, so nobody learns that it exists.
              const ghost = await api(caller.username, op.method, path.replace(UUID_ALL, () => randomUUID()), body, headers);
              ghosts += 1;
              if (ghost.status !== response.status) mismatches.push(`${label}: ${response.status}, but ${ghost.status} for an id that does not exist`);
            }
            else if (response.status < 300 && caller.username && !caller.scope.national && fixture.inScope) {
              try {
                fixture.inScope(response.body, caller.scope, actor);
              } catch {
                mismatches.push(`${label}: response holds data outside the caller's scope`);
              }
            }
          }
        }
      }
    }
    process.stdout.write(`[e2e] access-control matrix: ${operations.length} operations × ${CALLERS.length} callers → ${cells} cells checked, ${ghosts} against a non-existent id\n`);
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(50);
    // Well over a thousand real requests on a shared 2-core machine: more than the suite's default 60 s.
  }, 300_000);
});
