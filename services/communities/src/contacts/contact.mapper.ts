import type { ContactView } from '@rd/contracts';
import type { Contact } from './contact.entity';

/** Personal data leaves the service only here, and only to callers the service already scoped. */
export function toContactView(contact: Contact): ContactView {
  return {
    id: contact.id,
    name: contact.name,
    position: contact.position,
    organisationId: contact.organisationId,
    districtCode: contact.districtCode,
    regionCode: contact.regionCode,
    phone: contact.phone,
    email: contact.email,
    preferredLanguage: contact.preferredLanguage,
    preferredChannel: contact.preferredChannel,
    consent: contact.consent,
    consentChangedAt: contact.consentChangedAt?.toISOString() ?? null,
    communityIds: [...contact.communityIds],
    erasedAt: contact.erasedAt?.toISOString() ?? null,
    userId: contact.userId,
    publishedWorkPhone: contact.publishedWorkPhone,
    publishConsentAt: contact.publishConsentAt?.toISOString() ?? null,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
