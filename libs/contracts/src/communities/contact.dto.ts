import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';

export const CONTACT_LANGUAGES = ['en', 'ru', 'tg', 'ky'] as const;
export const ContactLanguageSchema = z.enum(CONTACT_LANGUAGES).describe('Preferred language');
export type ContactLanguage = z.infer<typeof ContactLanguageSchema>;

export const CONTACT_CHANNELS = ['email', 'sms', 'console'] as const;
export const ContactChannelSchema = z.enum(CONTACT_CHANNELS).describe('Preferred channel for notifications');
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/** E.164: a plus, a country code and up to 15 digits in all, no spaces. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'must be an international number like "+992921234567"')
  .describe('Phone in E.164 form');

const Id = z.string().uuid();

/**
 * A person the programme may contact. Give `districtCode` or `regionCode`, or an `organisationId` to take its
 * place; scope follows that place.
 */
export const CreateContactInputSchema = z
  .object({
    name: z.string().trim().min(2).max(160).describe('Full name'),
    position: z.string().trim().max(160).optional().describe('Position or role'),
    organisationId: Id.optional().describe('Organisation the person belongs to'),
    districtCode: GeoCodeSchema.optional().describe('District the person works in'),
    regionCode: GeoCodeSchema.optional().describe('Region, for region-level contacts'),
    phone: PhoneSchema.optional(),
    email: z.string().trim().email().max(254).optional().describe('Email address'),
    preferredLanguage: ContactLanguageSchema.default('ru'),
    preferredChannel: ContactChannelSchema.default('console'),
    consent: z.boolean().default(false).describe('Agreed to be contacted; without it notifications skip the person'),
    communityIds: z.array(Id).max(50).default([]).describe('Communities the person serves'),
  })
  .strict();
export type CreateContactInput = z.infer<typeof CreateContactInputSchema>;

/** Absent = unchanged, null = cleared. */
export const UpdateContactInputSchema = z
  .object({
    name: z.string().trim().min(2).max(160).optional(),
    position: z.string().trim().max(160).nullable().optional(),
    organisationId: Id.nullable().optional(),
    phone: PhoneSchema.nullable().optional(),
    email: z.string().trim().email().max(254).nullable().optional(),
    preferredLanguage: ContactLanguageSchema.optional(),
    preferredChannel: ContactChannelSchema.optional(),
    consent: z.boolean().optional().describe('Changing it records the time and emits contact.consent-changed'),
    communityIds: z.array(Id).max(50).optional(),
    userId: z
      .string()
      .uuid('must be a user id')
      .nullable()
      .optional()
      .describe('Login account (Keycloak user id) of this person, for an officer of a police organisation; one contact per account; null unlinks (ADR 34)'),
  })
  .strict();
export type UpdateContactInput = z.infer<typeof UpdateContactInputSchema>;

/** A contact as it leaves the service; personal fields are blank once erased. */
export const ContactViewSchema = z.object({
  id: Id.describe('Contact id (kept after erasure)'),
  name: z.string().describe('Empty once erased'),
  position: z.string().nullable(),
  organisationId: Id.nullable(),
  districtCode: GeoCodeSchema.nullable(),
  regionCode: GeoCodeSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: ContactLanguageSchema,
  preferredChannel: ContactChannelSchema,
  consent: z.boolean().describe('May be contacted'),
  consentChangedAt: z.string().nullable().describe('ISO 8601 time consent was last given or withdrawn'),
  communityIds: z.array(Id),
  erasedAt: z.string().nullable().describe('ISO 8601 time the personal data was erased'),
  userId: z.string().uuid().nullable().optional().describe('Login account (Keycloak user id) linked to this contact, if any (ADR 34)'),
  publishedWorkPhone: z
    .string()
    .nullable()
    .optional()
    .describe('Work phone the person agreed to publish on the community contact card; null: nothing published (ADR 49)'),
  publishConsentAt: z.string().nullable().optional().describe('ISO 8601 time the publish consent was last given or withdrawn'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof ContactViewSchema>;

/**
 * Consent to publish a work phone on the community contact card (ADR 49): given with the number to print, withdrawn
 * with `publish: false`. Separate from `consent` (being contacted by the programme): a published number is public.
 */
export const ContactCardConsentInputSchema = z.discriminatedUnion('publish', [
  z
    .object({
      publish: z.literal(true).describe('The person agrees to publish this work phone on the contact card'),
      workPhone: PhoneSchema.describe('Work phone to print, in E.164 form'),
    })
    .strict(),
  z.object({ publish: z.literal(false).describe('Withdraw: nothing of this person is printed any more') }).strict(),
]);
export type ContactCardConsentInput = z.infer<typeof ContactCardConsentInputSchema>;
