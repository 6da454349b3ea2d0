import type { Actor, Role } from '@rd/contracts';
import { canManageUser, canSeeUser, seesInDirectory, userChangeDecision, type UserPlacement } from './user-admin';

const actor = (role: Role, scope: Partial<Actor['scope']> = {}): Actor => ({
  userId: `u-${role}`,
  username: role,
  roles: [role],
  scope: { national: role === 'national-coordinator', regions: [], districts: [], ...scope },
});
const coordinator = actor('national-coordinator');
const ngoIsfara = actor('ngo-admin', { districts: ['isfara'] });
const ngoSughd = actor('ngo-admin', { regions: ['sughd'] });
const policeIsfara = actor('police-officer', { districts: ['isfara'] });
const at = (role: Role | null, districtCode: string | null, regionCode: string | null = districtCode === 'batken' ? 'batken' : districtCode ? 'sughd' : null): UserPlacement => ({
  role,
  districtCode,
  regionCode,
});

describe('user administration rules', () => {
  describe('userChangeDecision', () => {
    it('should let the coordinator create any role in any scope', () => {
      expect(userChangeDecision(coordinator, null, at('national-coordinator', null))).toBe('allowed');
      expect(userChangeDecision(coordinator, null, at('regional-reviewer', null, 'batken'))).toBe('allowed');
      expect(userChangeDecision(coordinator, null, at('ngo-admin', 'batken'))).toBe('allowed');
    });

    it('should let an ngo-admin create police officers and local government in the own district only', () => {
      expect(userChangeDecision(ngoIsfara, null, at('police-officer', 'isfara'))).toBe('allowed');
      expect(userChangeDecision(ngoIsfara, null, at('local-government', 'isfara'))).toBe('allowed');
      expect(userChangeDecision(ngoIsfara, null, at('police-officer', 'khujand'))).toBe('forbidden');
      expect(userChangeDecision(ngoIsfara, null, at('police-officer', 'batken'))).toBe('forbidden');
    });

    it('should refuse an ngo-admin creating a coordinator, an ngo-admin or a reviewer, even in scope', () => {
      expect(userChangeDecision(ngoIsfara, null, at('national-coordinator', null))).toBe('forbidden');
      expect(userChangeDecision(ngoIsfara, null, at('ngo-admin', 'isfara'))).toBe('forbidden');
      expect(userChangeDecision(ngoSughd, null, at('regional-reviewer', null, 'sughd'))).toBe('forbidden');
    });

    it('should answer not-found for a user outside the ngo-admin scope, forbidden for an in-scope user of another role', () => {
      expect(userChangeDecision(ngoIsfara, at('police-officer', 'batken'), at('police-officer', 'isfara'))).toBe('not-found');
      expect(userChangeDecision(ngoIsfara, at('ngo-admin', 'isfara'), at('ngo-admin', 'isfara'))).toBe('forbidden');
      expect(userChangeDecision(ngoIsfara, at('national-coordinator', null), at('police-officer', 'isfara'))).toBe('not-found');
    });

    it('should refuse an ngo-admin promoting a managed user to a role it may not give, or moving them out of scope', () => {
      expect(userChangeDecision(ngoIsfara, at('police-officer', 'isfara'), at('ngo-admin', 'isfara'))).toBe('forbidden');
      expect(userChangeDecision(ngoIsfara, at('police-officer', 'isfara'), at('police-officer', 'khujand'))).toBe('forbidden');
      expect(userChangeDecision(ngoIsfara, at('police-officer', 'isfara'), at('local-government', 'isfara'))).toBe('allowed');
    });

    it('should let an ngo-admin holding a whole region manage its districts', () => {
      expect(userChangeDecision(ngoSughd, at('local-government', 'khujand'), at('local-government', 'isfara'))).toBe('allowed');
    });

    it('should refuse roles without user administration', () => {
      expect(userChangeDecision(policeIsfara, null, at('police-officer', 'isfara'))).toBe('forbidden');
      expect(userChangeDecision(policeIsfara, at('police-officer', 'isfara'), at('police-officer', 'isfara'))).toBe('not-found');
    });
  });

  describe('canSeeUser / canManageUser', () => {
    it('should show an ngo-admin the users of the own districts, whatever their role, but let it manage only some', () => {
      expect(canSeeUser(ngoIsfara, at('ngo-admin', 'isfara'))).toBe(true);
      expect(canManageUser(ngoIsfara, at('ngo-admin', 'isfara'))).toBe(false);
      expect(canSeeUser(ngoIsfara, at('regional-reviewer', null, 'sughd'))).toBe(false);
      expect(canSeeUser(ngoIsfara, at(null, null))).toBe(false);
      expect(canSeeUser(coordinator, at(null, null))).toBe(true);
    });
  });

  describe('seesInDirectory', () => {
    it('should list users of districts in scope, the coordinators and the reviewers of the region worked in', () => {
      expect(seesInDirectory(policeIsfara, at('ngo-admin', 'isfara'))).toBe(true);
      expect(seesInDirectory(policeIsfara, at('ngo-admin', 'batken'))).toBe(false);
      expect(seesInDirectory(policeIsfara, at('national-coordinator', null))).toBe(true);
      expect(seesInDirectory(policeIsfara, { ...at('regional-reviewer', null, 'sughd'), regionDistricts: ['isfara', 'khujand'] })).toBe(true);
      expect(seesInDirectory(policeIsfara, { ...at('regional-reviewer', null, 'batken'), regionDistricts: ['batken'] })).toBe(false);
      expect(seesInDirectory(coordinator, at('police-officer', 'batken'))).toBe(true);
    });
  });
});
