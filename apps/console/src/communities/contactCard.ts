import type { ContactCardConsentInput } from '@rd/contracts';
import { normalisePhone } from '../contacts/contactInput';

/**
 * The PUT /contacts/:id/card-consent body from the consent panel: publishing takes the number as typed (spaces,
 * dashes and brackets dropped, E.164 left to the gateway to check); withdrawing sends no number at all.
 */
export function toCardConsentInput(publish: boolean, workPhone: string | null | undefined): ContactCardConsentInput {
  if (!publish) return { publish: false };
  return { publish: true, workPhone: normalisePhone(workPhone) ?? '' };
}

/** The card's file and its gateway path, for the community page's download. */
export const contactCardPdfPath = (communityId: string) => `communities/${encodeURIComponent(communityId)}/contact-card.pdf`;

/**
 * Whether the consent panel offers its buttons: the person themself (the contact linked to the login) or whoever
 * manages contacts; the service checks the same (and the scope) again.
 */
export function mayChangeCardConsent(contact: { userId?: string | null; erasedAt: string | null }, identityId: string | undefined, managesContacts: boolean): boolean {
  if (contact.erasedAt) return false;
  return managesContacts || (!!identityId && contact.userId === identityId);
}
