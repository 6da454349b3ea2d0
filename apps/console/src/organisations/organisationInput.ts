import type { CreateOrganisationInput, UpdateOrganisationInput } from '@rd/contracts';

export interface OrganisationFormValues {
  name?: string;
  kind?: CreateOrganisationInput['kind'];
  districtCode?: string | null;
  regionCode?: string | null;
}

/** A district, or a region for region-level bodies: with a district the service derives the region. */
export function toCreateOrganisationInput(values: OrganisationFormValues): Partial<CreateOrganisationInput> {
  return {
    name: values.name?.trim(),
    kind: values.kind,
    ...(values.districtCode ? { districtCode: values.districtCode } : values.regionCode ? { regionCode: values.regionCode } : {}),
  };
}

/** Only name and kind change; the place of an organisation never does. */
export function toUpdateOrganisationInput(values: OrganisationFormValues): UpdateOrganisationInput {
  return { name: values.name?.trim(), kind: values.kind };
}

/** Form-level check: an organisation sits somewhere. */
export function validateOrganisationPlace(values: OrganisationFormValues) {
  return values.districtCode || values.regionCode ? {} : { districtCode: 'resources.organisations.placeRequired' };
}
