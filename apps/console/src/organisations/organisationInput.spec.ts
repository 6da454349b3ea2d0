import { CreateOrganisationInputSchema, UpdateOrganisationInputSchema } from '@rd/contracts';
import { toCreateOrganisationInput, toUpdateOrganisationInput, validateOrganisationPlace } from './organisationInput';

describe(toCreateOrganisationInput.name, () => {
  it('should send the district and not the region when both are chosen', () => {
    const body = toCreateOrganisationInput({ name: ' Isfara police ', kind: 'district-police', districtCode: 'isfara', regionCode: 'sughd' });
    expect(body).toEqual({ name: 'Isfara police', kind: 'district-police', districtCode: 'isfara' });
    expect(CreateOrganisationInputSchema.safeParse(body).success).toBe(true);
  });

  it('should send a police unit’s duty number in E.164 form, and none when left empty', () => {
    const body = toCreateOrganisationInput({ name: 'Isfara police', kind: 'district-police', districtCode: 'isfara', dutyPhone: ' +992 3462 2-11-02 ' });
    expect(body).toMatchObject({ dutyPhone: '+992346221102' });
    expect(CreateOrganisationInputSchema.safeParse(body).success).toBe(true);
    expect(toCreateOrganisationInput({ name: 'NGO', kind: 'ngo', districtCode: 'isfara', dutyPhone: '  ' })).not.toHaveProperty('dutyPhone');
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
  it('should patch name, kind and the duty number (emptied: cleared) only', () => {
    const body = toUpdateOrganisationInput({ name: 'NGO', kind: 'ngo', districtCode: 'isfara', dutyPhone: '', ...({ id: 'x' } as object) });
    expect(body).toEqual({ name: 'NGO', kind: 'ngo', dutyPhone: null });
    expect(UpdateOrganisationInputSchema.safeParse(body).success).toBe(true);
  });
});

describe(validateOrganisationPlace.name, () => {
  it('should ask for a district or a region', () => {
    expect(validateOrganisationPlace({})).toEqual({ districtCode: 'resources.organisations.placeRequired' });
    expect(validateOrganisationPlace({ regionCode: 'sughd' })).toEqual({});
  });
});
