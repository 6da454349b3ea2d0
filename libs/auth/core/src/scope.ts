import type { ActorScope, Role } from '@rd/contracts';
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
