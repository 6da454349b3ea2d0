import { ROLES } from '@rd/contracts';
import { PERMISSIONS, ROLE_PERMISSIONS, SERVICE_PERMISSIONS, actorHasPermission, hasPermission, permissionsOf, serviceActor } from './permissions';

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

  describe('service actors', () => {
    it('should give the notifications service only reads it needs to resolve recipients', () => {
      const actor = serviceActor('notifications');
      expect(actor.roles).toEqual([]);
      expect(actor.scope.national).toBe(true);
      for (const permission of ['contact:read', 'meeting:read', 'minutes:read', 'organisation:read', 'community:read', 'geography:read'] as const) {
        expect(actorHasPermission(actor, permission)).toBe(true);
      }
      for (const permission of PERMISSIONS.filter((p) => !SERVICE_PERMISSIONS.notifications.includes(p))) {
        expect(actorHasPermission(actor, permission)).toBe(false);
      }
      expect(SERVICE_PERMISSIONS.notifications.some((p) => p.startsWith('concern:') || p.endsWith(':manage'))).toBe(false);
    });

    it('should decide a user actor by its roles', () => {
      const user = { userId: 'u', username: 'u', roles: ['local-government' as const], scope: { national: false, regions: [], districts: ['isfara'] } };
      expect(actorHasPermission(user, 'inbox:read')).toBe(true);
      expect(actorHasPermission(user, 'delivery:read')).toBe(false);
    });
  });
});
