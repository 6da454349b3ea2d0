import { PERMISSIONS, permissionsOf, type Permission } from '@rd/auth-core';
import type { Role } from '@rd/contracts';
import { ACCESS_RULES, canAccess } from './canAccess';

const as = (...roles: Role[]): Permission[] => [...permissionsOf(roles)];

describe(canAccess.name, () => {
  it('should only need permissions that exist in the matrix', () => {
    const needed = Object.values(ACCESS_RULES).flatMap((actions) => Object.values(actions));
    expect(needed.filter((permission) => !PERMISSIONS.includes(permission))).toEqual([]);
  });

  describe('communities', () => {
    it('should let an NGO admin list, show and create', () => {
      for (const action of ['list', 'show', 'create']) {
        expect(canAccess(as('ngo-admin'), { resource: 'communities', action })).toBe(true);
      }
    });

    it('should let a police officer read but not create', () => {
      expect(canAccess(as('police-officer'), { resource: 'communities', action: 'list' })).toBe(true);
      expect(canAccess(as('police-officer'), { resource: 'communities', action: 'show' })).toBe(true);
      expect(canAccess(as('police-officer'), { resource: 'communities', action: 'create' })).toBe(false);
    });

    it('should hide communities and the create button from a regional reviewer', () => {
      for (const action of ['list', 'show', 'create']) {
        expect(canAccess(as('regional-reviewer'), { resource: 'communities', action })).toBe(false);
      }
    });

    it('should deny edit and delete to everyone, as the gateway has no such routes', () => {
      for (const action of ['edit', 'delete']) {
        expect(canAccess(as('national-coordinator'), { resource: 'communities', action })).toBe(false);
      }
    });
  });

  describe('districts and reports', () => {
    it('should let every role read districts and reports', () => {
      for (const role of [
        'national-coordinator',
        'ngo-admin',
        'police-officer',
        'local-government',
        'regional-reviewer',
      ] as const) {
        expect(canAccess(as(role), { resource: 'districts', action: 'list' })).toBe(true);
        expect(canAccess(as(role), { resource: 'districts', action: 'show' })).toBe(true);
        expect(canAccess(as(role), { resource: 'reports', action: 'show' })).toBe(true);
      }
    });

    it('should not let anyone create districts from the console', () => {
      expect(canAccess(as('national-coordinator'), { resource: 'districts', action: 'create' })).toBe(false);
    });
  });

  it('should deny everything without permissions', () => {
    expect(canAccess([], { resource: 'districts', action: 'list' })).toBe(false);
  });

  it('should deny unknown resources and prototype names', () => {
    const all = as('national-coordinator');
    expect(canAccess(all, { resource: 'audit', action: 'list' })).toBe(false);
    expect(canAccess(all, { resource: '__proto__', action: 'list' })).toBe(false);
    expect(canAccess(all, { resource: 'communities', action: 'constructor' })).toBe(false);
    expect(canAccess(all, { resource: 'toString', action: 'toString' })).toBe(false);
  });
});
