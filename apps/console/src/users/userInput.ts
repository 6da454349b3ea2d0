import { NGO_ADMIN_MANAGED_ROLES } from '@rd/auth-core';
import { ROLE_ORGANISATION_KINDS, ROLE_SCOPE_KIND, ROLES, type CreateUserInput, type OrganisationKind, type Role, type UpdateUserInput } from '@rd/contracts';

/**
 * The roles a reader may give: the coordinator any, an NGO admin only police officers and local government
 * officials (of their own districts), nobody else any. The gateway decides again from the token; this only keeps the
 * form from offering what would be refused.
 */
export function assignableRoles(readerRoles: readonly string[]): Role[] {
  if (readerRoles.includes('national-coordinator')) return [...ROLES];
  if (readerRoles.includes('ngo-admin')) return [...NGO_ADMIN_MANAGED_ROLES];
  return [];
}

export const roleChoices = (roles: readonly Role[]) => roles.map((id) => ({ id, name: `app.roles.${id}` }));

/** Where a role's scope sits: the coordinator is national, the regional reviewer holds a region, the others a district. */
export function scopeKind(role: Role | null | undefined): 'national' | 'region' | 'district' | null {
  return role ? ROLE_SCOPE_KIND[role] : null;
}

/** The kinds of organisation a user of this role may belong to (the organisation picker offers only those). */
export function organisationKinds(role: Role | null | undefined): readonly OrganisationKind[] {
  return role ? ROLE_ORGANISATION_KINDS[role] : [];
}

/**
 * Which organisations the picker offers for a role and district: those of a fitting kind, in the chosen district or
 * above any district (a regional body); the gateway has already left out those outside the reader's scope.
 */
export function fitsOrganisation(role: Role | null | undefined, districtCode: string | null | undefined, organisation: { kind: OrganisationKind; districtCode: string | null }): boolean {
  if (!organisationKinds(role).includes(organisation.kind)) return false;
  return !districtCode || organisation.districtCode === null || organisation.districtCode === districtCode;
}

export interface UserFormValues {
  email?: string;
  firstName?: string;
  lastName?: string;
  role?: Role | null;
  districtCode?: string | null;
  regionCode?: string | null;
  organisationId?: string | null;
}

/** The place the role's scope needs, and nothing else (a district left over from another role is not sent). */
function scopeOf(values: UserFormValues): { districtCode?: string; regionCode?: string } {
  const kind = scopeKind(values.role);
  if (kind === 'district' && values.districtCode) return { districtCode: values.districtCode };
  if (kind === 'region' && values.regionCode) return { regionCode: values.regionCode };
  return {};
}

/** POST /users: who to invite, with one role, its scope and the organisation when one was picked. */
export function toInviteInput(values: UserFormValues): Partial<CreateUserInput> {
  return {
    email: values.email?.trim().toLowerCase(),
    firstName: values.firstName?.trim(),
    lastName: values.lastName?.trim(),
    role: values.role ?? undefined,
    ...scopeOf(values),
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
  };
}

/**
 * PATCH /users/:id: names, role and scope as the form holds them, and the organisation (null when cleared), so a
 * role change never leaves an organisation the server would find unfitting unnoticed. The email never changes.
 */
export function toUserPatch(values: UserFormValues): UpdateUserInput {
  return {
    firstName: values.firstName?.trim(),
    lastName: values.lastName?.trim(),
    ...(values.role ? { role: values.role } : {}),
    ...scopeOf(values),
    organisationId: values.organisationId || null,
  };
}

/** Form-level check: a district for district roles, a region for the regional reviewer. */
export function validateUserScope(values: UserFormValues): Record<string, string> {
  const kind = scopeKind(values.role);
  if (kind === 'district' && !values.districtCode) return { districtCode: 'resources.users.scopeRequired.district' };
  if (kind === 'region' && !values.regionCode) return { regionCode: 'resources.users.scopeRequired.region' };
  return {};
}

/** "Aziz Karimov", else the username, else the email: what a row of the user list is called. */
export function userDisplayName(user: { firstName?: string | null; lastName?: string | null; username?: string | null; email?: string | null }): string {
  const name = [user.firstName, user.lastName].filter((part) => part && part.trim()).join(' ');
  return name || user.username || user.email || '—';
}

/**
 * Whether the reader may change this account (its role among those the reader may give; the district is in scope, or
 * the gateway would not have listed it). The gateway decides again.
 */
export function mayManageUser(readerRoles: readonly string[], user: { role?: string | null }): boolean {
  if (readerRoles.includes('national-coordinator')) return true;
  return Boolean(user.role) && (assignableRoles(readerRoles) as string[]).includes(user.role as string);
}
