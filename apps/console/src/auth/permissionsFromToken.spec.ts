import { organisationFromToken, permissionsFromToken, rolesFromToken } from './permissionsFromToken';

describe(permissionsFromToken.name, () => {
  it('should derive permissions from realm_access.roles through the matrix', () => {
    expect(permissionsFromToken({ realm_access: { roles: ['regional-reviewer'] } })).toEqual([
      'geography:read',
      'report:read',
    ]);
  });

  it('should ignore Keycloak default roles and junk', () => {
    expect(
      rolesFromToken({ realm_access: { roles: ['offline_access', 'uma_authorization', 42, 'ngo-admin'] } }),
    ).toEqual(['ngo-admin']);
  });

  it('should grant nothing without a token or roles', () => {
    expect(permissionsFromToken(undefined)).toEqual([]);
    expect(permissionsFromToken({})).toEqual([]);
    expect(permissionsFromToken({ realm_access: { roles: 'ngo-admin' } })).toEqual([]);
  });
});

describe(organisationFromToken.name, () => {
  it('should read one organisation id from the claim `organisation`, and nothing else', () => {
    expect(organisationFromToken({ organisation: '0D9B7B43-5D1C-4A56-9D7E-00000000000A' })).toBe('0d9b7b43-5d1c-4a56-9d7e-00000000000a');
    expect(organisationFromToken({ organisation: 'Isfara police' })).toBeUndefined();
    expect(organisationFromToken({ organisation: ['0d9b7b43-5d1c-4a56-9d7e-00000000000a'] })).toBeUndefined();
    expect(organisationFromToken(undefined)).toBeUndefined();
  });
});
