import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { CoordinatesSchema } from '../geography/geography.dto';

export const COMMUNITY_KINDS = ['village', 'jamoat', 'ayil-aymak', 'town', 'other'] as const;
export const CommunityKindSchema = z.enum(COMMUNITY_KINDS).describe('Administrative kind of community');
export type CommunityKind = z.infer<typeof CommunityKindSchema>;

export const LANGUAGES = ['en', 'ru', 'tg', 'ky', 'uz'] as const;
export const LanguageSchema = z.enum(LANGUAGES).describe('ISO 639-1 language code');
export type Language = z.infer<typeof LanguageSchema>;

export const COMMUNITY_STATUSES = ['proposed', 'onboarding', 'active', 'paused', 'archived'] as const;
export const CommunityStatusSchema = z.enum(COMMUNITY_STATUSES).describe('Onboarding state');
export type CommunityStatus = z.infer<typeof CommunityStatusSchema>;

/** Stable code of a community, unique across the programme, e.g. `isfara-khoja-alo`. */
export const CommunityCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,79}$/, 'must be a lowercase code like "isfara-khoja-alo"')
  .describe('Stable community code');

/** Items that must all be done before a community may become active. */
export const CHECKLIST_ITEMS = [
  'focalPoint',
  'localGovernmentContact',
  'policeUnit',
  'officer',
  'firstReportingDayPlanned',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export const ChecklistItemSchema = z.enum(CHECKLIST_ITEMS).describe('An onboarding checklist item');

export const OnboardingChecklistSchema = z
  .object({
    focalPoint: z.boolean().describe('At least one focal point contact is named'),
    localGovernmentContact: z.boolean().describe('A local government contact is named'),
    policeUnit: z.boolean().describe('A police unit (organisation) is assigned'),
    officer: z.boolean().describe('A community police officer is assigned'),
    firstReportingDayPlanned: z.boolean().describe('The meetings service has scheduled a reporting day'),
  })
  .describe('Onboarding checklist; all items are required before active');
export type OnboardingChecklist = z.infer<typeof OnboardingChecklistSchema>;

/**
 * The onboarding state machine: from → allowed targets. `archived` is final. Becoming `active` (from
 * onboarding or paused) also needs a complete checklist.
 */
export const COMMUNITY_TRANSITIONS: Readonly<Record<CommunityStatus, readonly CommunityStatus[]>> = {
  proposed: ['onboarding', 'archived'],
  onboarding: ['active', 'paused', 'archived'],
  active: ['paused', 'archived'],
  paused: ['active', 'onboarding', 'archived'],
  archived: [],
};

/** What a client may send to create a community. */
export const CreateCommunityInputSchema = z
  .object({
    name: z.string().trim().min(2).max(120).describe('Community name as residents use it'),
    districtCode: GeoCodeSchema.describe('District the community belongs to'),
    kind: CommunityKindSchema,
    population: z.number().int().min(0).max(2_000_000).optional().describe('Approximate population'),
    borderAdjacent: z.boolean().default(false).describe('Lies on or near the state border'),
    languages: z.array(LanguageSchema).max(5).default([]).describe('Languages spoken'),
    code: CommunityCodeSchema.optional().describe('Stable code; derived from district and name when omitted'),
    location: CoordinatesSchema.optional(),
  })
  .strict();
export type CreateCommunityInput = z.infer<typeof CreateCommunityInputSchema>;

/** A community as it leaves the communities service. */
/** One onboarding transition as the history shows it: what was said to take effect when, and who recorded it. */
export const CommunityStatusChangeViewSchema = z.object({
  from: CommunityStatusSchema,
  to: CommunityStatusSchema,
  effectiveOn: z.string().describe('Day the change took effect in the district (YYYY-MM-DD)'),
  changedAt: z.string().describe('When it was recorded (ISO 8601)'),
  changedBy: z.string().describe('Who recorded it (user id)'),
  reason: z.string().nullable().describe('Reason given'),
});
export type CommunityStatusChangeView = z.infer<typeof CommunityStatusChangeViewSchema>;

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
  code: CommunityCodeSchema,
  location: CoordinatesSchema.nullable(),
  pairedCommunityIds: z.array(z.string().uuid()).describe('Cross-border partner communities (symmetric)'),
  partnerOrganisationId: z.string().uuid().nullable().describe('Partner NGO'),
  policeUnitId: z.string().uuid().nullable().describe('Assigned police unit (organisation)'),
  officerContactId: z.string().uuid().nullable().describe('Current community police officer (contact)'),
  focalPointContactIds: z.array(z.string().uuid()).describe('Community focal points (contacts)'),
  localGovernmentContactId: z.string().uuid().nullable().describe('Local government contact'),
  firstMeetingId: z.string().uuid().nullable().describe('First reporting day scheduled by the meetings service'),
  checklist: OnboardingChecklistSchema,
  allowedTransitions: z.array(CommunityStatusSchema).describe('Statuses reachable from the current one'),
  statusChangedAt: z.string().nullable().describe('ISO 8601 time of the last status change'),
  statusEffectiveOn: z.string().nullable().optional().describe('Day (YYYY-MM-DD, district) the current status took effect; null while proposed'),
  statusHistory: z
    .array(CommunityStatusChangeViewSchema)
    .optional()
    .describe('Status changes, oldest first (on a single community only, not in lists)'),
  updatedAt: z.string().describe('ISO 8601 last change'),
});
export type CommunityView = z.infer<typeof CommunityViewSchema>;

export const DistrictViewSchema = z.object({
  code: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  countryCode: z.string().length(2).describe('ISO 3166-1 alpha-2'),
  name: z.record(z.string(), z.string()).describe('Name per language code'),
  timeZone: z.string().describe('IANA time zone'),
  location: CoordinatesSchema.nullable().optional().describe('Centre of the district, when known'),
});
export type DistrictView = z.infer<typeof DistrictViewSchema>;
