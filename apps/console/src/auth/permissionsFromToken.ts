import { isRole, permissionsOf, type Permission } from '@rd/auth-core';
import type { Role } from '@rd/contracts';

interface TokenClaims {
  realm_access?: { roles?: unknown };
  organisation?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation the user belongs to (claim `organisation`, an organisation id; ADR 33), like the gateway reads it. */
export function organisationFromToken(token: TokenClaims | undefined): string | undefined {
  const organisation = token?.organisation;
  return typeof organisation === 'string' && UUID.test(organisation) ? organisation.toLowerCase() : undefined;
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
