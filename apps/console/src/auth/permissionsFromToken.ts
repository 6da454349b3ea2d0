import { isRole, permissionsOf, type Permission } from '@rd/auth-core';
import type { Role } from '@rd/contracts';

interface TokenClaims {
  realm_access?: { roles?: unknown };
}

/** Platform roles in the token's `realm_access.roles`; Keycloak's own roles (offline_access…) are ignored. */
export function rolesFromToken(token: TokenClaims | undefined): Role[] {
  const roles = token?.realm_access?.roles;
  if (!Array.isArray(roles)) return [];
  return roles.filter((role): role is Role => typeof role === 'string' && isRole(role));
}

/** The user's permissions through the single role → permission matrix, sorted for stable comparison. */
export function permissionsFromToken(token: TokenClaims | undefined): Permission[] {
  return [...permissionsOf(rolesFromToken(token))].sort();
}
