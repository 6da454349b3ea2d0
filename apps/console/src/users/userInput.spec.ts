import { CreateUserInputSchema, ROLES, UpdateUserInputSchema } from '@rd/contracts';
import { assignableRoles, fitsOrganisation, mayManageUser, toInviteInput, toUserPatch, userDisplayName, validateUserScope } from './userInput';

const ORG = '0b5f8a52-3c1d-4f7e-9a26-1d2e3f4a5b6c';

describe(assignableRoles.name, () => {
  it('should offer the coordinator every role', () => {
    expect(assignableRoles(['national-coordinator'])).toEqual([...ROLES]);
  });

  it('should offer an NGO admin only police officers and local government officials', () => {
    expect(assignableRoles(['ngo-admin'])).toEqual(['police-officer', 'local-government']);
  });

  it('should offer nobody else any role', () => {
    for (const role of ['police-officer', 'local-government', 'regional-reviewer']) expect(assignableRoles([role])).toEqual([]);
    expect(assignableRoles([])).toEqual([]);
  });
});

describe(mayManageUser.name, () => {
  it('should let the coordinator manage anyone, and an NGO admin only police and local government accounts', () => {
    expect(mayManageUser(['national-coordinator'], { role: 'ngo-admin' })).toBe(true);
    expect(mayManageUser(['national-coordinator'], { role: null })).toBe(true);
    expect(mayManageUser(['ngo-admin'], { role: 'police-officer' })).toBe(true);
    expect(mayManageUser(['ngo-admin'], { role: 'local-government' })).toBe(true);
    expect(mayManageUser(['ngo-admin'], { role: 'ngo-admin' })).toBe(false);
    expect(mayManageUser(['ngo-admin'], { role: 'national-coordinator' })).toBe(false);
    expect(mayManageUser(['ngo-admin'], { role: null })).toBe(false);
    expect(mayManageUser(['police-officer'], { role: 'police-officer' })).toBe(false);
  });
});

describe(fitsOrganisation.name, () => {
  const org = (kind: Parameters<typeof fitsOrganisation>[2]['kind'], districtCode: string | null = 'isfara') => ({ kind, districtCode });

  it('should offer organisations of the kinds the role belongs to', () => {
    expect(fitsOrganisation('police-officer', 'isfara', org('district-police'))).toBe(true);
    expect(fitsOrganisation('police-officer', 'isfara', org('border-service'))).toBe(true);
    expect(fitsOrganisation('police-officer', 'isfara', org('ngo'))).toBe(false);
    expect(fitsOrganisation('local-government', 'isfara', org('local-government'))).toBe(true);
    expect(fitsOrganisation('local-government', 'isfara', org('district-police'))).toBe(false);
    expect(fitsOrganisation('ngo-admin', 'isfara', org('ngo'))).toBe(true);
    expect(fitsOrganisation('regional-reviewer', null, org('regional-law-enforcement', null))).toBe(true);
    expect(fitsOrganisation(null, 'isfara', org('ngo'))).toBe(false);
  });

  it('should offer those of the chosen district or above any district, not those of another district', () => {
    expect(fitsOrganisation('police-officer', 'isfara', org('district-police', 'batken'))).toBe(false);
    expect(fitsOrganisation('police-officer', 'isfara', org('regional-law-enforcement', null))).toBe(true);
    expect(fitsOrganisation('police-officer', null, org('district-police', 'batken'))).toBe(true);
  });
});

describe(toInviteInput.name, () => {
  it('should send the district for a district role, trimmed names and the email in lower case', () => {
    const input = toInviteInput({
      email: ' Officer.New@Example.org ',
      firstName: ' Aziz ',
      lastName: 'Karimov',
      role: 'police-officer',
      districtCode: 'isfara',
      regionCode: 'sughd',
      organisationId: ORG,
    });
    expect(input).toEqual({ email: 'officer.new@example.org', firstName: 'Aziz', lastName: 'Karimov', role: 'police-officer', districtCode: 'isfara', organisationId: ORG });
    expect(CreateUserInputSchema.safeParse(input).success).toBe(true);
  });

  it('should send the region for a regional reviewer and no place for the coordinator', () => {
    const reviewer = toInviteInput({ email: 'r@example.org', firstName: 'R', lastName: 'V', role: 'regional-reviewer', districtCode: 'isfara', regionCode: 'sughd' });
    expect(reviewer).toMatchObject({ regionCode: 'sughd' });
    expect(reviewer).not.toHaveProperty('districtCode');
    const coordinator = toInviteInput({ email: 'c@example.org', firstName: 'C', lastName: 'N', role: 'national-coordinator', districtCode: 'isfara' });
    expect(coordinator).not.toHaveProperty('districtCode');
    expect(coordinator).not.toHaveProperty('regionCode');
    expect(CreateUserInputSchema.safeParse(coordinator).success).toBe(true);
  });
});

describe(toUserPatch.name, () => {
  it('should send names, role, the scope that fits it and the organisation, cleared as null', () => {
    const patch = toUserPatch({ email: 'x@example.org', firstName: 'Aziz', lastName: 'Karimov', role: 'local-government', districtCode: 'isfara', organisationId: '' });
    expect(patch).toEqual({ firstName: 'Aziz', lastName: 'Karimov', role: 'local-government', districtCode: 'isfara', organisationId: null });
    expect(UpdateUserInputSchema.safeParse(patch).success).toBe(true);
  });
});

describe(validateUserScope.name, () => {
  it('should need a district for district roles and a region for the regional reviewer', () => {
    expect(validateUserScope({ role: 'police-officer' })).toEqual({ districtCode: 'resources.users.scopeRequired.district' });
    expect(validateUserScope({ role: 'regional-reviewer' })).toEqual({ regionCode: 'resources.users.scopeRequired.region' });
    expect(validateUserScope({ role: 'national-coordinator' })).toEqual({});
    expect(validateUserScope({ role: 'police-officer', districtCode: 'isfara' })).toEqual({});
  });
});

describe(userDisplayName.name, () => {
  it('should name a user by first and last name, else username, else email', () => {
    expect(userDisplayName({ firstName: 'Aziz', lastName: 'Karimov', username: 'a@example.org' })).toBe('Aziz Karimov');
    expect(userDisplayName({ firstName: null, lastName: null, username: 'ngo.isfara' })).toBe('ngo.isfara');
    expect(userDisplayName({ email: 'a@example.org' })).toBe('a@example.org');
  });
});
