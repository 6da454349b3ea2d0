import type { Actor, Role } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { ProblemError } from '../problem/problem';
import { KeycloakAdminError, type KcGroup, type KcRole, type KcUser, type KeycloakAdmin } from './keycloak-admin';
import { UsersService } from './users.service';

/** An in-memory realm behind the KeycloakAdmin seam: users, realm role mappings and group memberships. */
function setup(options: { emailFails?: boolean } = {}) {
  const roles: KcRole[] = ['national-coordinator', 'ngo-admin', 'police-officer', 'local-government', 'regional-reviewer'].map((name) => ({ id: `role-${name}`, name }));
  const groups: KcGroup[] = [
    { id: 'g-sughd', name: 'sughd', path: '/sughd' },
    { id: 'g-isfara', name: 'isfara', path: '/sughd/isfara' },
    { id: 'g-batken', name: 'batken', path: '/batken' },
    { id: 'g-batken-d', name: 'batken', path: '/batken/batken' },
  ];
  const users = new Map<string, KcUser>();
  const roleMap = new Map<string, Set<string>>();
  const groupMap = new Map<string, Set<string>>();
  let next = 0;
  const add = (username: string, role: Role, groupId?: string) => {
    const id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    users.set(id, { id, username, email: `${username}@x.test`, firstName: 'F', lastName: username, enabled: true, createdTimestamp: 0, attributes: {} });
    roleMap.set(id, new Set([role]));
    groupMap.set(id, new Set(groupId ? [groupId] : []));
    return id;
  };
  const keycloak = {
    listUsers: async () => [...users.values()],
    findUser: async (id: string) => (users.has(id) ? structuredClone(users.get(id)) : undefined),
    userRealmRoles: async (id: string) => roles.filter((r) => roleMap.get(id)?.has(r.name)),
    availableRealmRoles: async (id: string) => roles.filter((r) => !roleMap.get(id)?.has(r.name)),
    userGroups: async (id: string) => groups.filter((g) => groupMap.get(id)?.has(g.id)),
    topGroups: async () => groups.filter((g) => g.path.split('/').length === 2),
    childGroups: async (id: string) => groups.filter((g) => g.path.startsWith(`${groups.find((p) => p.id === id)?.path}/`)),
    groupMembers: async (id: string) => [...groupMap].filter(([, set]) => set.has(id)).map(([user]) => ({ id: user })),
    createGroup: jest.fn(),
    createUser: jest.fn(async (user: Omit<KcUser, 'id'>) => {
      if ([...users.values()].some((u) => u.username === user.username)) throw new KeycloakAdminError(409, 'exists');
      const id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
      users.set(id, { ...user, id, createdTimestamp: 0 });
      roleMap.set(id, new Set());
      groupMap.set(id, new Set());
      return id;
    }),
    updateUser: jest.fn(async (user: KcUser) => void users.set(user.id, user)),
    deleteUser: jest.fn(async (id: string) => void users.delete(id)),
    addRealmRoles: jest.fn(async (id: string, add: KcRole[]) => add.forEach((r) => roleMap.get(id)?.add(r.name))),
    removeRealmRoles: jest.fn(async (id: string, remove: KcRole[]) => remove.forEach((r) => roleMap.get(id)?.delete(r.name))),
    joinGroup: jest.fn(async (id: string, groupId: string) => void groupMap.get(id)?.add(groupId)),
    leaveGroup: jest.fn(async (id: string, groupId: string) => void groupMap.get(id)?.delete(groupId)),
    logout: jest.fn(async () => undefined),
    executeActionsEmail: jest.fn(async () => {
      if (options.emailFails) throw new KeycloakAdminError(500, 'no smtp');
    }),
  };
  const rpc = { request: jest.fn(async () => ({ kind: 'district-police', regionCode: 'sughd' })) };
  const sut = new UsersService(keycloak as unknown as KeycloakAdmin, rpc as unknown as RpcClient, { consoleUrl: 'http://console', linkClientId: 'rd-console', linkLifespanSeconds: 60 });
  const ids = { police: add('police.isfara', 'police-officer', 'g-isfara'), ngo: add('ngo.isfara', 'ngo-admin', 'g-isfara'), batken: add('police.batken', 'police-officer', 'g-batken-d') };
  return { sut, mocks: { keycloak, rpc }, ids, users, roleMap, groupMap };
}

const coordinator: Actor = { userId: 'c', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const ngoIsfara: Actor = { userId: 'n', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const page = { offset: 0, limit: 100, filter: {} };

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ProblemError)) throw new Error(`expected a ProblemError, got ${String(error)}`);
  return `${error.status} ${error.code}`;
}

describe(UsersService.name, () => {
  describe('create', () => {
    it('should give the new user its role and group and send the invitation', async () => {
      const { sut, mocks } = setup();
      const view = await sut.create(coordinator, { email: 'new@x.test', firstName: 'New', lastName: 'User', role: 'police-officer', districtCode: 'isfara' }, 'corr');
      expect(view).toMatchObject({ username: 'new@x.test', role: 'police-officer', regionCode: 'sughd', districtCode: 'isfara' });
      expect(mocks.keycloak.executeActionsEmail).toHaveBeenCalledWith(view.id, ['VERIFY_EMAIL', 'UPDATE_PASSWORD'], { clientId: 'rd-console', redirectUri: 'http://console/', lifespanSeconds: 60 });
    });

    it('should delete the half-made user and answer 503 when the email cannot be sent', async () => {
      const { sut, mocks, users } = setup({ emailFails: true });
      expect(await problemOf(sut.create(coordinator, { email: 'new@x.test', firstName: 'N', lastName: 'U', role: 'local-government', districtCode: 'isfara' }, 'c'))).toBe('503 user.invitation-not-sent');
      expect(mocks.keycloak.deleteUser).toHaveBeenCalledTimes(1);
      expect([...users.values()].some((u) => u.username === 'new@x.test')).toBe(false);
    });

    it('should refuse before touching Keycloak: an NGO admin giving ngo-admin (403), a coordinator with a district (422), a duplicate (409)', async () => {
      const { sut, mocks } = setup();
      expect(await problemOf(sut.create(ngoIsfara, { email: 'a@x.test', firstName: 'A', lastName: 'B', role: 'ngo-admin', districtCode: 'isfara' }, 'c'))).toBe('403 auth.forbidden');
      expect(await problemOf(sut.create(coordinator, { email: 'a@x.test', firstName: 'A', lastName: 'B', role: 'national-coordinator', districtCode: 'isfara' }, 'c'))).toBe('422 user.scope-invalid');
      expect(mocks.keycloak.createUser).not.toHaveBeenCalled();
      expect(await problemOf(sut.create(coordinator, { email: 'police.isfara', firstName: 'A', lastName: 'B', role: 'police-officer', districtCode: 'isfara' }, 'c'))).toBe('409 user.email-taken');
    });

    it('should refuse an organisation of a kind that does not fit the role (422)', async () => {
      const { sut, mocks } = setup();
      mocks.rpc.request.mockResolvedValueOnce({ kind: 'ngo', regionCode: 'sughd' });
      const organisationId = '11111111-1111-4111-8111-111111111111';
      expect(await problemOf(sut.create(coordinator, { email: 'o@x.test', firstName: 'O', lastName: 'K', role: 'police-officer', districtCode: 'batken', organisationId }, 'c'))).toBe('422 user.organisation-invalid');
    });
  });

  describe('update', () => {
    it('should keep the district when only the role changes, and swap the platform role', async () => {
      const { sut, ids, roleMap, groupMap } = setup();
      const view = await sut.update(ngoIsfara, ids.police, { role: 'local-government' }, 'c');
      expect(view).toMatchObject({ role: 'local-government', districtCode: 'isfara' });
      expect([...(roleMap.get(ids.police) ?? [])]).toEqual(['local-government']);
      expect([...(groupMap.get(ids.police) ?? [])]).toEqual(['g-isfara']);
    });

    it('should move a user to a region as regional reviewer, leaving the district group', async () => {
      const { sut, ids, groupMap } = setup();
      const view = await sut.update(coordinator, ids.batken, { role: 'regional-reviewer', regionCode: 'sughd' }, 'c');
      expect(view).toMatchObject({ role: 'regional-reviewer', regionCode: 'sughd', districtCode: null });
      expect([...(groupMap.get(ids.batken) ?? [])]).toEqual(['g-sughd']);
    });

    it('should hide users outside the NGO admin’s districts (404) and refuse in-scope users of other roles (403)', async () => {
      const { sut, ids } = setup();
      expect(await problemOf(sut.update(ngoIsfara, ids.batken, { firstName: 'X' }, 'c'))).toBe('404 user.not-found');
      expect(await problemOf(sut.update(ngoIsfara, ids.ngo, { firstName: 'X' }, 'c'))).toBe('403 auth.forbidden');
    });
  });

  describe('setEnabled', () => {
    it('should refuse disabling oneself (409) and end the sessions of a disabled user', async () => {
      const { sut, mocks, ids } = setup();
      expect(await problemOf(sut.setEnabled({ ...coordinator, userId: ids.police }, ids.police, false))).toBe('409 user.self-disable');
      const view = await sut.setEnabled(coordinator, ids.police, false);
      expect(view.enabled).toBe(false);
      expect(mocks.keycloak.logout).toHaveBeenCalledWith(ids.police);
    });
  });

  describe('lists', () => {
    it('should list only users of the NGO admin’s districts, and a directory of enabled users without email', async () => {
      const { sut, ids } = setup();
      const users = await sut.list(ngoIsfara, {}, page);
      expect(users.items.map((u) => u.id).sort()).toEqual([ids.police, ids.ngo].sort());
      await sut.setEnabled(coordinator, ids.ngo, false);
      const directory = await sut.directory({ ...ngoIsfara, roles: ['police-officer'] }, {}, page);
      expect(directory.items).toEqual([{ id: ids.police, name: 'F police.isfara', role: 'police-officer', organisationId: null, districtCodes: ['isfara'] }]);
    });
  });
});

describe('contract and Keycloak refusals', () => {
  it('should answer 400 (not 503) when Keycloak’s user profile refuses a name the contract let through', async () => {
    const { sut, mocks, ids } = setup();
    mocks.keycloak.updateUser.mockRejectedValueOnce(new KeycloakAdminError(400, 'error-person-name-invalid-character'));
    expect(await problemOf(sut.update(coordinator, ids.police, { firstName: 'Odd' }, 'c'))).toBe('400 request.invalid');
  });
});
