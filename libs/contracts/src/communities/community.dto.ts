import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';

export const COMMUNITY_KINDS = ['village', 'jamoat', 'ayil-aymak', 'town', 'other'] as const;
export const CommunityKindSchema = z.enum(COMMUNITY_KINDS).describe('Administrative kind of community');
export type CommunityKind = z.infer<typeof CommunityKindSchema>;

export const LANGUAGES = ['en', 'ru', 'tg', 'ky', 'uz'] as const;
export const LanguageSchema = z.enum(LANGUAGES).describe('ISO 639-1 language code');
export type Language = z.infer<typeof LanguageSchema>;

export const COMMUNITY_STATUSES = ['proposed', 'onboarding', 'active', 'paused', 'archived'] as const;
export const CommunityStatusSchema = z.enum(COMMUNITY_STATUSES).describe('Onboarding state');
export type CommunityStatus = z.infer<typeof CommunityStatusSchema>;

/** What a client may send to create a community. */
export const CreateCommunityInputSchema = z
  .object({
    name: z.string().trim().min(2).max(120).describe('Community name as residents use it'),
    districtCode: GeoCodeSchema.describe('District the community belongs to'),
    kind: CommunityKindSchema,
    population: z.number().int().min(0).max(2_000_000).optional().describe('Approximate population'),
    borderAdjacent: z.boolean().default(false).describe('Lies on or near the state border'),
    languages: z.array(LanguageSchema).max(5).default([]).describe('Languages spoken'),
  })
  .strict();
export type CreateCommunityInput = z.infer<typeof CreateCommunityInputSchema>;

/** A community as it leaves the communities service. */
export const CommunityViewSchema = z.object({
  id: z.string().uuid().describe('Community id'),
  name: z.string(),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  kind: CommunityKindSchema,
  population: z.number().int().nullable(),
  borderAdjacent: z.boolean(),
  languages: z.array(LanguageSchema),
  status: CommunityStatusSchema,
  createdAt: z.string().describe('ISO 8601 creation time'),
});
export type CommunityView = z.infer<typeof CommunityViewSchema>;

export const DistrictViewSchema = z.object({
  code: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  countryCode: z.string().length(2).describe('ISO 3166-1 alpha-2'),
  name: z.record(z.string(), z.string()).describe('Name per language code'),
  timeZone: z.string().describe('IANA time zone'),
});
export type DistrictView = z.infer<typeof DistrictViewSchema>;
