import { actorCoversDistrict, type Actor, type Role } from '@rd/contracts';

/** Where a user stands: the one platform role and the scope (district, or region for a regional reviewer). */
export interface UserPlacement {
  role: Role | null;
  regionCode: string | null;
  districtCode: string | null;
}

/** The roles an NGO admin may give and take away, in the own districts only. */
export const NGO_ADMIN_MANAGED_ROLES: readonly Role[] = ['police-officer', 'local-government'];

const isCoordinator = (actor: Actor): boolean => actor.roles.includes('national-coordinator');
const isNgoAdmin = (actor: Actor): boolean => actor.roles.includes('ngo-admin');

/** Whether a district-scoped placement is inside the actor's district scope (users without a district never are). */
function inDistrictScope(actor: Actor, placement: UserPlacement): boolean {
  return placement.districtCode !== null && placement.regionCode !== null && actorCoversDistrict(actor.scope, placement.regionCode, placement.districtCode);
}

/**
 * Whether the actor may see the user account at all (`user:read`): the coordinator every user, an NGO admin the
 * users whose district is in the admin's scope. Anyone else nobody. Unseen users are answered 404.
 */
export function canSeeUser(actor: Actor, user: UserPlacement): boolean {
  if (isCoordinator(actor)) return true;
  return isNgoAdmin(actor) && inDistrictScope(actor, user);
}

/**
 * Whether the actor may change the user as the user stands now (change, disable, enable, reset): the coordinator
 * anyone, an NGO admin only police-officer and local-government users of the own districts.
 */
export function canManageUser(actor: Actor, user: UserPlacement): boolean {
  if (isCoordinator(actor)) return true;
  return isNgoAdmin(actor) && user.role !== null && NGO_ADMIN_MANAGED_ROLES.includes(user.role) && inDistrictScope(actor, user);
}

/**
 * The decision for a change of a user from `current` (null: a new user) to `next`: `not-found` when the actor may
 * not even see the current user, `forbidden` when it may see but not manage them or not place a user at `next`
 * (the same rule as managing: the coordinator anything, an NGO admin police-officer or local-government users
 * in the own districts), else `allowed`.
 */
export function userChangeDecision(actor: Actor, current: UserPlacement | null, next: UserPlacement): 'allowed' | 'forbidden' | 'not-found' {
  if (current !== null && !canSeeUser(actor, current)) return 'not-found';
  if (current !== null && !canManageUser(actor, current)) return 'forbidden';
  return canManageUser(actor, next) ? 'allowed' : 'forbidden';
}

/**
 * Whether a user shows in the actor's directory: users with a district in the actor's scope, regional reviewers
 * of a region the actor works in, and the national coordinators (they may act anywhere). The coordinator sees all.
 */
export function seesInDirectory(actor: Actor, entry: UserPlacement & { regionDistricts?: readonly string[] }): boolean {
  if (actor.scope.national) return true;
  if (entry.role === 'national-coordinator') return true;
  if (entry.districtCode !== null) return inDistrictScope(actor, entry);
  if (entry.regionCode === null) return false;
  return actor.scope.regions.includes(entry.regionCode) || (entry.regionDistricts ?? []).some((d) => actor.scope.districts.includes(d));
}
