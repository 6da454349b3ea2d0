import type { CreateOrganisationInput, UpdateOrganisationInput } from '@rd/contracts';
import { normalisePhone } from '../contacts/contactInput';

export interface OrganisationFormValues {
  name?: string;
  kind?: CreateOrganisationInput['kind'];
  districtCode?: string | null;
  regionCode?: string | null;
  /** A police unit's duty number, printed on community contact cards (ADR 49). */
  dutyPhone?: string | null;
}

/** A district, or a region for region-level bodies: with a district the service derives the region. */
export function toCreateOrganisationInput(values: OrganisationFormValues): Partial<CreateOrganisationInput> {
  return {
    name: values.name?.trim(),
    kind: values.kind,
    ...(values.districtCode ? { districtCode: values.districtCode } : values.regionCode ? { regionCode: values.regionCode } : {}),
    ...(normalisePhone(values.dutyPhone) ? { dutyPhone: normalisePhone(values.dutyPhone) } : {}),
  };
}

/** Name, kind and duty number change (an emptied number is cleared); the place of an organisation never does. */
export function toUpdateOrganisationInput(values: OrganisationFormValues): UpdateOrganisationInput {
  return { name: values.name?.trim(), kind: values.kind, dutyPhone: normalisePhone(values.dutyPhone) ?? null };
}

/** Form-level check: an organisation sits somewhere. */
export function validateOrganisationPlace(values: OrganisationFormValues) {
  return values.districtCode || values.regionCode ? {} : { districtCode: 'resources.organisations.placeRequired' };
}
