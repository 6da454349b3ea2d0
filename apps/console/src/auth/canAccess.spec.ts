import { PERMISSIONS, permissionsOf, type Permission } from '@rd/auth-core';
import type { Role } from '@rd/contracts';
import { ACCESS_RULES, canAccess } from './canAccess';

const as = (...roles: Role[]): Permission[] => [...permissionsOf(roles)];

describe(canAccess.name, () => {
  it('should only need permissions that exist in the matrix', () => {
    const needed = Object.values(ACCESS_RULES).flatMap((actions) => Object.values(actions));
    expect(needed.filter((permission) => !PERMISSIONS.includes(permission))).toEqual([]);
  });

  describe('users and the directory', () => {
    it('should offer user administration to the coordinator and NGO admins only', () => {
      for (const role of ['national-coordinator', 'ngo-admin'] as const) {
        for (const action of ['list', 'show', 'create', 'edit', 'disable', 'enable', 'resetCredentials']) {
          expect(canAccess(as(role), { resource: 'users', action })).toBe(true);
        }
      }
      for (const role of ['police-officer', 'local-government', 'regional-reviewer'] as const) {
        expect(canAccess(as(role), { resource: 'users', action: 'list' })).toBe(false);
        expect(canAccess(as(role), { resource: 'users', action: 'create' })).toBe(false);
      }
      expect(canAccess(as('ngo-admin'), { resource: 'users', action: 'delete' })).toBe(false);
    });

    it('should name people from the directory for everyone but the regional reviewer', () => {
      for (const role of ['national-coordinator', 'ngo-admin', 'police-officer', 'local-government'] as const) {
        expect(canAccess(as(role), { resource: 'directory', action: 'list' })).toBe(true);
      }
      expect(canAccess(as('regional-reviewer'), { resource: 'directory', action: 'list' })).toBe(false);
    });
  });

  describe('meetings', () => {
    it('should let a police officer read, plan, edit and transition meetings', () => {
      for (const action of ['list', 'show', 'create', 'edit', 'transition']) {
        expect(canAccess(as('police-officer'), { resource: 'meetings', action })).toBe(true);
      }
    });

    it('should show the handbook templates to meeting readers and let the national coordinator alone publish versions', () => {
      for (const role of ['national-coordinator', 'ngo-admin', 'police-officer', 'local-government'] as const) {
        expect(canAccess(as(role), { resource: 'templates', action: 'list' })).toBe(true);
        expect(canAccess(as(role), { resource: 'templates', action: 'show' })).toBe(true);
        expect(canAccess(as(role), { resource: 'templates', action: 'create' })).toBe(role === 'national-coordinator');
      }
      expect(canAccess(as('regional-reviewer'), { resource: 'templates', action: 'list' })).toBe(false);
    });

    it('should offer editing a meeting and its agenda to those who plan meetings only', () => {
      for (const role of ['national-coordinator', 'ngo-admin', 'police-officer'] as const) {
        expect(canAccess(as(role), { resource: 'meetings', action: 'edit' })).toBe(true);
        expect(canAccess(as(role), { resource: 'meetings', action: 'editAgenda' })).toBe(true);
      }
      for (const role of ['local-government', 'regional-reviewer'] as const) {
        expect(canAccess(as(role), { resource: 'meetings', action: 'edit' })).toBe(false);
        expect(canAccess(as(role), { resource: 'meetings', action: 'editAgenda' })).toBe(false);
      }
    });

    it('should let the police and NGOs invite and record concerns, and local government only follow actions up', () => {
      for (const role of ['police-officer', 'ngo-admin'] as const) {
        expect(canAccess(as(role), { resource: 'meetings', action: 'invite' })).toBe(true);
        expect(canAccess(as(role), { resource: 'concerns', action: 'create' })).toBe(true);
        expect(canAccess(as(role), { resource: 'actions', action: 'manage' })).toBe(true);
      }
      expect(canAccess(as('local-government'), { resource: 'meetings', action: 'invite' })).toBe(false);
      expect(canAccess(as('local-government'), { resource: 'meetings', action: 'hold' })).toBe(false);
      expect(canAccess(as('local-government'), { resource: 'concerns', action: 'create' })).toBe(false);
      expect(canAccess(as('local-government'), { resource: 'concerns', action: 'list' })).toBe(true);
      expect(canAccess(as('local-government'), { resource: 'actions', action: 'manage' })).toBe(true);
      expect(canAccess(as('regional-reviewer'), { resource: 'concerns', action: 'list' })).toBe(false);
      expect(canAccess(as('regional-reviewer'), { resource: 'actions', action: 'list' })).toBe(false);
    });

    it('should offer drafting and approving (distributing) the minutes only to roles the gateway lets do so', () => {
      for (const role of ['national-coordinator', 'ngo-admin', 'police-officer'] as const) {
        expect(canAccess(as(role), { resource: 'meetings', action: 'draftMinutes' })).toBe(true);
        expect(canAccess(as(role), { resource: 'meetings', action: 'approveMinutes' })).toBe(true);
      }
      for (const role of ['local-government', 'regional-reviewer'] as const) {
        expect(canAccess(as(role), { resource: 'meetings', action: 'draftMinutes' })).toBe(false);
        expect(canAccess(as(role), { resource: 'meetings', action: 'approveMinutes' })).toBe(false);
      }
    });

    it('should offer the sign-in sheet upload (hold) to the police and NGOs, never to local government or the regional reviewer', () => {
      expect(canAccess(as('police-officer'), { resource: 'meetings', action: 'hold' })).toBe(true);
      expect(canAccess(as('ngo-admin'), { resource: 'meetings', action: 'hold' })).toBe(true);
      expect(canAccess(as('local-government'), { resource: 'meetings', action: 'hold' })).toBe(false);
      expect(canAccess(as('regional-reviewer'), { resource: 'meetings', action: 'hold' })).toBe(false);
    });

    it('should deny delete, which the console does not offer', () => {
      expect(canAccess(as('police-officer'), { resource: 'meetings', action: 'delete' })).toBe(false);
    });
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

    it('should deny delete to everyone, as the gateway has no such route', () => {
      expect(canAccess(as('national-coordinator'), { resource: 'communities', action: 'delete' })).toBe(false);
    });

    it('should let an NGO admin edit and move communities through onboarding, but not a police officer', () => {
      for (const action of ['edit', 'transition']) {
        expect(canAccess(as('ngo-admin'), { resource: 'communities', action })).toBe(true);
        expect(canAccess(as('police-officer'), { resource: 'communities', action })).toBe(false);
      }
    });

    it('should show the map to whoever reads communities', () => {
      expect(canAccess(as('local-government'), { resource: 'communities-map', action: 'list' })).toBe(true);
      expect(canAccess(as('regional-reviewer'), { resource: 'communities-map', action: 'list' })).toBe(false);
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

    it('should let only the national coordinator create and edit regions and districts', () => {
      for (const resource of ['regions', 'districts']) {
        for (const action of ['create', 'edit']) {
          expect(canAccess(as('national-coordinator'), { resource, action })).toBe(true);
          for (const role of ['ngo-admin', 'police-officer', 'local-government', 'regional-reviewer'] as const) {
            expect(canAccess(as(role), { resource, action })).toBe(false);
          }
        }
        expect(canAccess(as('regional-reviewer'), { resource, action: 'list' })).toBe(true);
      }
    });
  });

  describe('audit', () => {
    it('should show the audit log to the national coordinator only', () => {
      expect(canAccess(as('national-coordinator'), { resource: 'audit', action: 'list' })).toBe(true);
      for (const role of ['ngo-admin', 'police-officer', 'local-government', 'regional-reviewer'] as const) {
        expect(canAccess(as(role), { resource: 'audit', action: 'list' })).toBe(false);
      }
    });

    it('should offer no way to open, change or remove an entry', () => {
      for (const action of ['show', 'create', 'edit', 'delete']) {
        expect(canAccess(as('national-coordinator'), { resource: 'audit', action })).toBe(false);
      }
    });
  });

  describe('organisations, contacts and the officer roster', () => {
    it('should let an NGO admin manage organisations and contacts and erase personal data', () => {
      for (const action of ['list', 'show', 'create', 'edit']) {
        expect(canAccess(as('ngo-admin'), { resource: 'organisations', action })).toBe(true);
        expect(canAccess(as('ngo-admin'), { resource: 'contacts', action })).toBe(true);
      }
      expect(canAccess(as('ngo-admin'), { resource: 'contacts', action: 'erase' })).toBe(true);
    });

    it('should let local government read organisations and contacts but change nothing', () => {
      expect(canAccess(as('local-government'), { resource: 'contacts', action: 'list' })).toBe(true);
      for (const action of ['create', 'edit', 'erase']) {
        expect(canAccess(as('local-government'), { resource: 'contacts', action })).toBe(false);
      }
      expect(canAccess(as('local-government'), { resource: 'organisations', action: 'edit' })).toBe(false);
    });

    it('should never show contacts or the roster to a regional reviewer', () => {
      for (const action of ['list', 'show', 'create', 'edit', 'erase']) {
        expect(canAccess(as('regional-reviewer'), { resource: 'contacts', action })).toBe(false);
        expect(canAccess(as('regional-reviewer'), { resource: 'officer-assignments', action })).toBe(false);
      }
      expect(canAccess(as('regional-reviewer'), { resource: 'organisations', action: 'list' })).toBe(false);
    });

    it('should let a police officer assign the community officer', () => {
      expect(canAccess(as('police-officer'), { resource: 'officer-assignments', action: 'create' })).toBe(true);
      expect(canAccess(as('local-government'), { resource: 'officer-assignments', action: 'create' })).toBe(false);
    });
  });

  it('should deny everything without permissions', () => {
    expect(canAccess([], { resource: 'districts', action: 'list' })).toBe(false);
  });

  it('should deny unknown resources and prototype names', () => {
    const all = as('national-coordinator');
    expect(canAccess(all, { resource: 'minutes', action: 'list' })).toBe(false);
    expect(canAccess(all, { resource: '__proto__', action: 'list' })).toBe(false);
    expect(canAccess(all, { resource: 'communities', action: 'constructor' })).toBe(false);
    expect(canAccess(all, { resource: 'toString', action: 'toString' })).toBe(false);
  });
});
