import { z } from 'zod';
import { GeoCodeSchema, RoleSchema, type Role } from '../common/actor';
import { ORGANISATION_KINDS, POLICE_ORGANISATION_KINDS, type OrganisationKind } from '../communities/organisation.dto';

/**
 * User administration and the user directory (docs/adr/0033-user-administration.md). Keycloak stays the source of
 * truth: a user's platform role is a realm role, the scope a group (`/<region>/<district>`, or `/<region>` for a
 * regional reviewer; the national coordinator has none), the organisation the user attribute `organisation`.
 */

/** What scope a role is given: a district, a region, or none (national). */
export type RoleScopeKind = 'district' | 'region' | 'national';
export const ROLE_SCOPE_KIND: Readonly<Record<Role, RoleScopeKind>> = {
  'national-coordinator': 'national',
  'ngo-admin': 'district',
  'police-officer': 'district',
  'local-government': 'district',
  'regional-reviewer': 'region',
};

/** The kinds of organisation a user of a role may belong to (422 otherwise). */
export const ROLE_ORGANISATION_KINDS: Readonly<Record<Role, readonly OrganisationKind[]>> = {
  'national-coordinator': ORGANISATION_KINDS,
  'ngo-admin': ['ngo'],
  'police-officer': POLICE_ORGANISATION_KINDS,
  'local-government': ['local-government'],
  'regional-reviewer': ['regional-law-enforcement'],
};

// Keycloak's user profile refuses these in names (validator person-name-prohibited-characters): refuse them first, 400.
const PersonNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // eslint-disable-next-line no-control-regex -- control characters are among what the name must not hold
  .regex(/^[^<>&"$%!#?§;*~/\\|^=[\]{}()\u0000-\u001f\u007f]+$/u, 'must not contain < > & " $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ) or control characters');
const EmailSchema = z.string().trim().toLowerCase().email('must be an email address').max(254);

export const UserViewSchema = z.object({
  id: z.string().uuid().describe('Keycloak user id (the `sub` of the user’s tokens)'),
  username: z.string().describe('Login name; the email for users created here'),
  email: z.string().nullable().describe('Email address (invitations and password resets go there)'),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  enabled: z.boolean().describe('False: the user cannot sign in'),
  emailVerified: z.boolean().describe('Whether the user confirmed the email address'),
  role: RoleSchema.nullable().describe('The user’s one platform role, or null when none'),
  regionCode: GeoCodeSchema.nullable().describe('Region of the scope (the district’s region, or the regional reviewer’s region)'),
  districtCode: GeoCodeSchema.nullable().describe('District of the scope; null for the national coordinator and regional reviewers'),
  organisationId: z.string().uuid().nullable().describe('The organisation the user belongs to (token claim `organisation`)'),
  createdAt: z.string().describe('ISO 8601 time the account was created'),
});
export type UserView = z.infer<typeof UserViewSchema>;

/**
 * A new user: one role and its scope (`districtCode` for district roles, `regionCode` for a regional reviewer,
 * neither for the national coordinator). The username is the email; Keycloak emails the set-password link.
 */
export const CreateUserInputSchema = z
  .object({
    email: EmailSchema.describe('Email address; also the username'),
    firstName: PersonNameSchema.describe('First name'),
    lastName: PersonNameSchema.describe('Last name'),
    role: RoleSchema,
    districtCode: GeoCodeSchema.optional().describe('District scope (ngo-admin, police-officer, local-government)'),
    regionCode: GeoCodeSchema.optional().describe('Region scope (regional-reviewer only)'),
    organisationId: z.string().uuid().optional().describe('Organisation the user belongs to, of a kind that fits the role'),
  })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

/** Changes to a user; a new role needs the scope that fits it. `organisationId: null` removes the organisation. */
export const UpdateUserInputSchema = z
  .object({
    firstName: PersonNameSchema.optional().describe('First name'),
    lastName: PersonNameSchema.optional().describe('Last name'),
    role: RoleSchema.optional(),
    districtCode: GeoCodeSchema.optional().describe('New district scope'),
    regionCode: GeoCodeSchema.optional().describe('New region scope (regional-reviewer)'),
    organisationId: z.string().uuid().nullable().optional().describe('New organisation, or null for none'),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

/** Filters of `GET /users` (inside react-admin's `filter`). */
export const UserListFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('Part of the name, username or email'),
    role: RoleSchema.optional(),
    districtCode: GeoCodeSchema.optional(),
    enabled: z.boolean().optional(),
    id: z.array(z.string().uuid()).max(500).optional().describe('Only these users (react-admin getMany)'),
  })
  .strict();
export type UserListFilter = z.infer<typeof UserListFilterSchema>;
export const USER_SORT_FIELDS = ['lastName', 'firstName', 'email', 'username', 'role', 'districtCode', 'createdAt'] as const;

/** A user as pickers and names show them: never the email or phone. */
export const DirectoryEntrySchema = z.object({
  id: z.string().uuid().describe('Keycloak user id'),
  name: z.string().describe('"First Last"'),
  role: RoleSchema.nullable(),
  organisationId: z.string().uuid().nullable(),
  districtCodes: z.array(GeoCodeSchema).describe('Districts the user works in (a regional reviewer: the region’s districts; the coordinator: none)'),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

/** Filters of `GET /directory`. */
export const DirectoryFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('Part of the name'),
    role: RoleSchema.optional(),
    districtCode: GeoCodeSchema.optional(),
    id: z.array(z.string().uuid()).max(500).optional().describe('Resolve these user ids to names'),
  })
  .strict();
export type DirectoryFilter = z.infer<typeof DirectoryFilterSchema>;
export const DIRECTORY_SORT_FIELDS = ['name', 'role'] as const;
