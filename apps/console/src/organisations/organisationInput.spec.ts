import { CreateOrganisationInputSchema, UpdateOrganisationInputSchema } from '@rd/contracts';
import { toCreateOrganisationInput, toUpdateOrganisationInput, validateOrganisationPlace } from './organisationInput';

describe(toCreateOrganisationInput.name, () => {
  it('should send the district and not the region when both are chosen', () => {
    const body = toCreateOrganisationInput({ name: ' Isfara police ', kind: 'district-police', districtCode: 'isfara', regionCode: 'sughd' });
    expect(body).toEqual({ name: 'Isfara police', kind: 'district-police', districtCode: 'isfara' });
    expect(CreateOrganisationInputSchema.safeParse(body).success).toBe(true);
  });

  it('should send the region for a region-level body', () => {
    expect(toCreateOrganisationInput({ name: 'Sughd UVD', kind: 'regional-law-enforcement', regionCode: 'sughd' })).toEqual({
      name: 'Sughd UVD',
      kind: 'regional-law-enforcement',
      regionCode: 'sughd',
    });
  });
});

describe(toUpdateOrganisationInput.name, () => {
  it('should patch name and kind only', () => {
    const body = toUpdateOrganisationInput({ name: 'NGO', kind: 'ngo', districtCode: 'isfara', ...({ id: 'x' } as object) });
    expect(body).toEqual({ name: 'NGO', kind: 'ngo' });
    expect(UpdateOrganisationInputSchema.safeParse(body).success).toBe(true);
  });
});

describe(validateOrganisationPlace.name, () => {
  it('should ask for a district or a region', () => {
    expect(validateOrganisationPlace({})).toEqual({ districtCode: 'resources.organisations.placeRequired' });
    expect(validateOrganisationPlace({ regionCode: 'sughd' })).toEqual({});
  });
});
