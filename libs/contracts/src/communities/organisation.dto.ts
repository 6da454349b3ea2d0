import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { PhoneSchema } from './contact.dto';

export const ORGANISATION_KINDS = [
  'ngo',
  'district-police',
  'regional-law-enforcement',
  'border-service',
  'local-government',
  'other',
] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS).describe('Kind of organisation');
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/** The kinds an organisation must be to serve as a community's or a meeting's police unit. */
export const POLICE_ORGANISATION_KINDS: readonly OrganisationKind[] = ['district-police', 'regional-law-enforcement', 'border-service'];

/**
 * A new organisation sits in a district or, for regional bodies, in a region: give `districtCode` or
 * `regionCode` (with a district, the region is derived).
 */
export const CreateOrganisationInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200).describe('Organisation name'),
    kind: OrganisationKindSchema,
    districtCode: GeoCodeSchema.optional().describe('District it works in'),
    regionCode: GeoCodeSchema.optional().describe('Region, for region-level bodies without a district'),
    dutyPhone: PhoneSchema.optional().describe('Duty number of a police unit, printed on community contact cards (public)'),
  })
  .strict();
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationInputSchema>;

export const UpdateOrganisationInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200).optional().describe('Organisation name'),
    kind: OrganisationKindSchema.optional(),
    dutyPhone: PhoneSchema.nullable().optional().describe('Duty number of a police unit (public); null clears it'),
  })
  .strict();
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationInputSchema>;

export const OrganisationViewSchema = z.object({
  id: z.string().uuid().describe('Organisation id'),
  name: z.string(),
  kind: OrganisationKindSchema,
  districtCode: GeoCodeSchema.nullable().describe('District, or null for a region-level body'),
  regionCode: GeoCodeSchema,
  dutyPhone: z.string().nullable().optional().describe('Duty number of a police unit, public on contact cards'),
  createdAt: z.string().describe('ISO 8601 creation time'),
  updatedAt: z.string().describe('ISO 8601 last change'),
});
export type OrganisationView = z.infer<typeof OrganisationViewSchema>;
