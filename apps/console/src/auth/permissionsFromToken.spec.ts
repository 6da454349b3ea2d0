import { permissionsFromToken, rolesFromToken } from './permissionsFromToken';

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
