import type { CreateContactInput, UpdateContactInput } from '@rd/contracts';

export interface ContactFormValues {
  name?: string;
  position?: string | null;
  organisationId?: string | null;
  districtCode?: string | null;
  regionCode?: string | null;
  phone?: string | null;
  email?: string | null;
  preferredLanguage?: CreateContactInput['preferredLanguage'];
  preferredChannel?: CreateContactInput['preferredChannel'];
  consent?: boolean | null;
  communityIds?: string[] | null;
  userId?: string | null;
}

/** Trimmed text, or undefined when blank. */
const text = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};
/** Phone numbers are typed with spaces and dashes; the contract wants E.164 (`+992921234567`). */
export const normalisePhone = (value: string | null | undefined) => text(value)?.replace(/[\s()-]/g, '');

/** The POST /contacts body: filled fields only; no consent unless ticked. */
export function toCreateContactInput(values: ContactFormValues): Partial<CreateContactInput> {
  const optional = {
    position: text(values.position),
    organisationId: text(values.organisationId),
    districtCode: text(values.districtCode),
    regionCode: text(values.districtCode) ? undefined : text(values.regionCode),
    phone: normalisePhone(values.phone),
    email: text(values.email),
    preferredLanguage: values.preferredLanguage,
    preferredChannel: values.preferredChannel,
  };
  return {
    name: text(values.name),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    consent: values.consent === true,
    communityIds: values.communityIds ?? [],
  };
}

/** The PATCH /contacts/:id body: every editable field, emptied ones as null; the place never changes here. */
export function toUpdateContactInput(values: ContactFormValues): UpdateContactInput {
  return {
    name: text(values.name),
    position: text(values.position) ?? null,
    organisationId: text(values.organisationId) ?? null,
    phone: normalisePhone(values.phone) ?? null,
    email: text(values.email) ?? null,
    preferredLanguage: values.preferredLanguage,
    preferredChannel: values.preferredChannel,
    consent: values.consent === true,
    communityIds: values.communityIds ?? [],
    userId: text(values.userId)?.toLowerCase() ?? null,
  };
}

/** Form-level check: a contact sits somewhere (district, region, or through its organisation). */
export function validateContactPlace(values: ContactFormValues) {
  return values.districtCode || values.regionCode || values.organisationId
    ? {}
    : { districtCode: 'resources.contacts.placeRequired' };
}
