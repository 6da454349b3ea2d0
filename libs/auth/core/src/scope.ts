import type { Actor, ActorScope, Role } from '@rd/contracts';
import { GeoCodeSchema } from '@rd/contracts';

/** Roles whose scope is the whole country regardless of groups. */
const NATIONAL_ROLES: readonly Role[] = ['national-coordinator'];

/**
 * Resolves district scope from Keycloak group paths: `/<region>` grants the whole region,
 * `/<region>/<district>` one district. Anything else (deeper paths, bad codes) grants nothing.
 */
export function scopeFromGroups(groups: readonly string[], roles: readonly Role[]): ActorScope {
  const regions = new Set<string>();
  const districts = new Set<string>();
  for (const path of groups) {
    const parts = path.split('/').filter(Boolean);
    if (!parts.every((part) => GeoCodeSchema.safeParse(part).success)) continue;
    if (parts.length === 1) regions.add(parts[0]);
    if (parts.length === 2) districts.add(parts[1]);
  }
  return {
    national: roles.some((role) => NATIONAL_ROLES.includes(role)),
    regions: [...regions].sort(),
    districts: [...districts].sort(),
  };
}

/** True when the actor holds at least one district or region, or is national. */
export function hasAnyScope(scope: ActorScope): boolean {
  return scope.national || scope.regions.length > 0 || scope.districts.length > 0;
}

/**
 * The scope two scopes share: what the actor may see now *and* could see then. A district held singly in one and
 * through its region in the other is dropped (codes alone do not say which region a district is in): narrower,
 * never wider. Used for calendar feeds (ADR 37).
 */
export function intersectScopes(a: ActorScope, b: ActorScope): ActorScope {
  if (a.national) return { ...b, regions: [...b.regions], districts: [...b.districts] };
  if (b.national) return { ...a, regions: [...a.regions], districts: [...a.districts] };
  return {
    national: false,
    regions: a.regions.filter((region) => b.regions.includes(region)).sort(),
    districts: a.districts.filter((district) => b.districts.includes(district)).sort(),
  };
}

/**
 * An actor that holds no more than both: the roles and scope in `current` (the user as Keycloak has them now) and in
 * `ceiling` (as they were when something was granted). Identity and organisation come from `current`; the organisation
 * only when it has not changed.
 */
export function narrowActor(current: Actor, ceiling: Actor): Actor {
  const roles = current.roles.filter((role) => ceiling.roles.includes(role));
  const scope = intersectScopes(current.scope, ceiling.scope);
  const sameOrganisation = current.organisationId !== undefined && current.organisationId === ceiling.organisationId;
  return {
    userId: current.userId,
    username: current.username,
    roles,
    scope: roles.length === 0 ? { national: false, regions: [], districts: [] } : { ...scope, national: scope.national && roles.includes('national-coordinator') },
    ...(sameOrganisation ? { organisationId: current.organisationId } : {}),
  };
}
