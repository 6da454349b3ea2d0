import { z } from 'zod';
import { defineRequest } from '../message';
import type { Language } from './community.dto';
import { ContactCardConsentInputSchema, ContactViewSchema } from './contact.dto';

const Id = z.string().uuid();

/** The languages a contact card is printed in: those of the console (ADR 49). */
export const CONTACT_CARD_LANGUAGES = ['tg', 'ky', 'ru', 'en'] as const;
export const ContactCardLanguageSchema = z.enum(CONTACT_CARD_LANGUAGES).describe('Language the card is printed in');
export type ContactCardLanguage = z.infer<typeof ContactCardLanguageSchema>;

/** The community's first spoken language the card can be printed in; Russian (the shared language) otherwise. */
export function contactCardLanguage(languages: readonly Language[]): ContactCardLanguage {
  const known = languages.find((language): language is ContactCardLanguage => (CONTACT_CARD_LANGUAGES as readonly string[]).includes(language));
  return known ?? 'ru';
}

const PoliceUnitOnCardSchema = z.object({
  id: Id.describe('Police unit (organisation) id'),
  name: z.string().describe('Unit name'),
  dutyPhone: z.string().nullable().describe('Duty number (public by nature), null when not recorded'),
});

/**
 * What a community's contact card shows: only what is public — the officers who agreed to publish a work phone, and
 * the police unit's duty number. Nothing else of the contact (no private phone, no email) is in it.
 */
export const ContactCardViewSchema = z.object({
  communityId: Id.describe('Community id'),
  communityName: z.string(),
  language: ContactCardLanguageSchema.describe('The community’s language, as the card is printed'),
  policeUnit: PoliceUnitOnCardSchema.nullable().describe('The community’s police unit, null when none is recorded'),
  officers: z
    .array(
      z.object({
        contactId: Id.describe('Officer (contact) id'),
        name: z.string().describe('Name as published'),
        position: z.string().nullable().describe('Position or rank'),
        workPhone: z.string().describe('The work phone the officer agreed to publish'),
        policeUnit: PoliceUnitOnCardSchema.nullable().describe('The unit of the officer’s current assignment'),
      }),
    )
    .describe('Currently assigned officers who agreed to publish a work phone; others are left out'),
});
export type ContactCardView = z.infer<typeof ContactCardViewSchema>;

export const GetContactCardQryV1 = defineRequest({
  name: 'communities.qry.contact-card.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'A community’s contact card (ADR 49): consenting current officers and the unit’s duty number; NOT_FOUND outside scope.',
  schema: z.object({ communityId: Id.describe('Community id') }).strict(),
  reply: ContactCardViewSchema,
});

export const SetContactCardConsentCmdV1 = defineRequest({
  name: 'communities.cmd.contact.card-consent.v1',
  kind: 'cmd',
  owner: 'communities',
  description:
    'Give (with the work phone) or withdraw consent to publish on the contact card: the person themself (linked login) or a ' +
    'holder of contact:manage in scope; CONFLICT once erased.',
  schema: z.object({ id: Id.describe('Contact id'), consent: ContactCardConsentInputSchema }).strict(),
  reply: ContactViewSchema,
});
