import { ROLES } from '@rd/contracts';
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission, permissionsOf } from './permissions';

describe('permissions', () => {
  it('should give every role a row in the matrix', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('should only name known permissions', () => {
    for (const permissions of Object.values(ROLE_PERMISSIONS)) {
      for (const permission of permissions) expect(PERMISSIONS).toContain(permission);
    }
  });

  it('should let an NGO admin create communities but not a regional reviewer', () => {
    expect(hasPermission(['ngo-admin'], 'community:create')).toBe(true);
    expect(hasPermission(['regional-reviewer'], 'community:create')).toBe(false);
  });

  it('should keep the regional reviewer to aggregates when roles are combined with nothing else', () => {
    expect([...permissionsOf(['regional-reviewer'])].sort()).toEqual(['geography:read', 'report:read']);
  });

  it('should grant the union of permissions for several roles', () => {
    expect(permissionsOf(['regional-reviewer', 'ngo-admin']).has('community:create')).toBe(true);
  });
});
