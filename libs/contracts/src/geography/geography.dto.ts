import { z } from 'zod';
import { GeoCodeSchema, type ActorScope } from '../common/actor';
import { DEFAULT_TIME_ZONE } from '../time/quarters';

/** Languages every geography name is kept in. */
export const NAME_LANGUAGES = ['en', 'ru', 'tg', 'ky'] as const;

/** A place name in English, Russian, Tajik and Kyrgyz; English is required, the others fall back to it. */
export const LocalizedNameSchema = z
  .object({
    en: z.string().trim().min(2).max(120).describe('Name in English'),
    ru: z.string().trim().min(1).max(120).optional().describe('Name in Russian'),
    tg: z.string().trim().min(1).max(120).optional().describe('Name in Tajik'),
    ky: z.string().trim().min(1).max(120).optional().describe('Name in Kyrgyz'),
  })
  .strict()
  .describe('Name per language');
export type LocalizedName = z.infer<typeof LocalizedNameSchema>;

/** WGS84 point. */
export const CoordinatesSchema = z
  .object({
    lat: z.number().min(-90).max(90).describe('Latitude, WGS84 degrees'),
    lng: z.number().min(-180).max(180).describe('Longitude, WGS84 degrees'),
  })
  .strict()
  .describe('Location (WGS84)');
export type Coordinates = z.infer<typeof CoordinatesSchema>;

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "TJ"')
  .describe('ISO 3166-1 alpha-2 country code');

export const RegionViewSchema = z.object({
  code: GeoCodeSchema,
  countryCode: z.string().length(2).describe('ISO 3166-1 alpha-2'),
  name: z.record(z.string(), z.string()).describe('Name per language code'),
  location: CoordinatesSchema.nullable().describe('Centre of the region, when known'),
});
export type RegionView = z.infer<typeof RegionViewSchema>;

export const CreateRegionInputSchema = z
  .object({
    code: GeoCodeSchema.describe('Stable code of the new region; never changes'),
    countryCode: CountryCodeSchema,
    name: LocalizedNameSchema,
    location: CoordinatesSchema.optional(),
  })
  .strict();
export type CreateRegionInput = z.infer<typeof CreateRegionInputSchema>;

/** Fields of a region that may change; the code and country never do. */
export const UpdateRegionInputSchema = z
  .object({
    name: LocalizedNameSchema.optional(),
    location: CoordinatesSchema.nullable().optional().describe('null clears it'),
  })
  .strict();
export type UpdateRegionInput = z.infer<typeof UpdateRegionInputSchema>;

export const CreateDistrictInputSchema = z
  .object({
    code: GeoCodeSchema.describe('Stable code of the new district; never changes'),
    regionCode: GeoCodeSchema.describe('Region the district belongs to'),
    name: LocalizedNameSchema,
    timeZone: z.string().min(3).max(64).default(DEFAULT_TIME_ZONE).describe('IANA time zone'),
    location: CoordinatesSchema.optional(),
  })
  .strict();
export type CreateDistrictInput = z.infer<typeof CreateDistrictInputSchema>;

export const UpdateDistrictInputSchema = z
  .object({
    name: LocalizedNameSchema.optional(),
    timeZone: z.string().min(3).max(64).optional().describe('IANA time zone'),
    location: CoordinatesSchema.nullable().optional().describe('null clears it'),
  })
  .strict();
export type UpdateDistrictInput = z.infer<typeof UpdateDistrictInputSchema>;

/**
 * Whether a place (a district, or a whole region when `districtCode` is null) is within an actor's scope.
 * A region-level record is only covered by national scope or by holding the whole region.
 */
export function actorCoversPlace(scope: ActorScope, regionCode: string, districtCode: string | null): boolean {
  if (scope.national || scope.regions.includes(regionCode)) return true;
  return districtCode !== null && scope.districts.includes(districtCode);
}
