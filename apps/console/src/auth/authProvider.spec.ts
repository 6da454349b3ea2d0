import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type Keycloak from 'keycloak-js';
import { loadIdentity, saveIdentity } from '../field/deviceIdentity';
import { fieldDb, resetFieldDbForTests } from '../field/fieldDb';
import { keycloakAuthProvider } from './authProvider';

const USER = '11111111-1111-4111-8111-111111111111';

function setup() {
  const logout = jest.fn(async () => undefined);
  const keycloak = { authenticated: true, tokenParsed: { sub: USER }, logout } as unknown as Keycloak;
  return { sut: keycloakAuthProvider(keycloak), mocks: { logout } };
}

describe(keycloakAuthProvider.name, () => {
  beforeAll(() => {
    // Node has no window: Keycloak's redirect address is read from it.
    (globalThis as { window?: unknown }).window = { location: { origin: 'http://console.test' } };
  });
  afterAll(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    resetFieldDbForTests();
    await saveIdentity({ userId: USER, name: 'police.isfara', roles: ['police-officer'], districtIds: ['isfara'], tokenExpiresAt: 1, savedAt: 1 });
    await (await fieldDb()).put('packs', { meetingId: 'm1', userId: USER, takenAt: 1, parts: {} });
  });

  describe('logout', () => {
    it("should clear the user's identity and meetings from the device when the user signs out", async () => {
      const { sut, mocks } = setup();
      // What react-admin's sign-out button passes.
      await sut.logout(null);
      await expect(loadIdentity()).resolves.toBeNull();
      await expect((await fieldDb()).count('packs')).resolves.toBe(0);
      expect(mocks.logout).toHaveBeenCalled();
    });

    it('should keep them when react-admin signs out after a refused check', async () => {
      const { sut } = setup();
      await sut.logout({});
      await expect(loadIdentity()).resolves.toMatchObject({ userId: USER });
      await expect((await fieldDb()).count('packs')).resolves.toBe(1);
    });
  });
});
