import { z } from 'zod';

/** Keycloak realm roles, verbatim (see docs/roles-and-permissions.md). */
export const ROLES = [
  'national-coordinator',
  'ngo-admin',
  'police-officer',
  'local-government',
  'regional-reviewer',
] as const;
export const RoleSchema = z.enum(ROLES).describe('A Keycloak realm role of the platform');
export type Role = z.infer<typeof RoleSchema>;

/** Stable lowercase code of a region or district, e.g. `sughd`, `isfara`. */
export const GeoCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a lowercase code like "isfara"')
  .describe('Stable geography code');

export const ActorScopeSchema = z
  .object({
    national: z.boolean().describe('True for roles that see every region'),
    regions: z.array(GeoCodeSchema).describe('Regions the actor holds in full (all their districts)'),
    districts: z.array(GeoCodeSchema).describe('Single districts the actor holds'),
  })
  .strict();
export type ActorScope = z.infer<typeof ActorScopeSchema>;

/** Services that may send requests on their own behalf (docs/adr/0015-notifications.md). */
export const SERVICE_ACTOR_NAMES = ['notifications'] as const;
export const ServiceActorNameSchema = z.enum(SERVICE_ACTOR_NAMES).describe('A service acting on its own');
export type ServiceActorName = z.infer<typeof ServiceActorNameSchema>;

/**
 * Who is asking, resolved by the gateway from a verified token. Services act on this and nothing the
 * client sent; a request without it is refused.
 */
export const ActorSchema = z
  .object({
    userId: z.string().min(1).describe('Token subject (Keycloak user id)'),
    username: z.string().describe('preferred_username, for audit'),
    roles: z.array(RoleSchema).describe('Platform roles from the token'),
    scope: ActorScopeSchema,
    organisationId: z
      .string()
      .uuid()
      .optional()
      .describe('The organisation the user belongs to (police unit, NGO, local government office), from the token claim `organisation`'),
    service: ServiceActorNameSchema.optional().describe(
      'Set only by a service acting on its own (no user, no roles); its permissions are SERVICE_PERMISSIONS in @rd/auth-core',
    ),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

/** Wraps a request payload with the acting user. */
export function requestEnvelope<S extends z.ZodType>(data: S) {
  return z.object({ actor: ActorSchema, data }).strict();
}
export interface RequestEnvelope<T> {
  actor: Actor;
  data: T;
}

/** Whether a district (in its region) is within an actor's scope. */
export function actorCoversDistrict(scope: ActorScope, regionCode: string, districtCode: string): boolean {
  return scope.national || scope.regions.includes(regionCode) || scope.districts.includes(districtCode);
}
