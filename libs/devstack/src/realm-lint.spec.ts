import { readFileSync } from 'node:fs';
import { ROLES } from '@rd/contracts';
import { DEMO_USERS } from '@rd/testing';
import { DEFAULT_REALM_FILE } from './keycloak';
import { expandRealmPlaceholders, groupPaths, realmPlaceholders, type RealmClient, type RealmRepresentation } from './realm';

// Keycloak realm traps that break tokens silently (docs: /work/shared/ENGINEERING.md "Keycloak"):
// this lint reads the hand-kept realm file and fails before a slow Keycloak start would.
const rawText = readFileSync(DEFAULT_REALM_FILE, 'utf8');
const raw = JSON.parse(rawText) as RealmRepresentation;
// What Keycloak imports when no variable is set.
const realm = JSON.parse(expandRealmPlaceholders(rawText, {})) as RealmRepresentation;

const LOGIN_CLIENTS = ['rd-console', 'rd-test-cli'];
const REQUIRED_SCOPES = ['basic', 'roles', 'profile', 'email', 'web-origins', 'acr'];

function client(r: RealmRepresentation, clientId: string): RealmClient {
  const found = r.clients?.find((c) => c.clientId === clientId);
  if (!found) throw new Error(`client ${clientId} missing`);
  return found;
}

function urisOf(c: RealmClient): string[] {
  const postLogout = c.attributes?.['post.logout.redirect.uris'];
  return [...(c.redirectUris ?? []), ...(c.webOrigins ?? []), ...(postLogout ? postLogout.split('##') : [])];
}

describe('reporting-days realm', () => {
  it('should be the reporting-days realm with short tokens, brute-force protection, TLS outside localhost and no sign-up', () => {
    expect(realm.realm).toBe('reporting-days');
    expect(realm.enabled).toBe(true);
    expect(realm.accessTokenLifespan).toBeLessThanOrEqual(300);
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.sslRequired).toBe('external');
    expect(realm.registrationAllowed).toBe(false);
  });

  describe('placeholders', () => {
    it('should give every placeholder a default, so a bare import works', () => {
      const placeholders = realmPlaceholders(rawText);
      expect(placeholders.length).toBeGreaterThan(0);
      expect(placeholders.filter((placeholder) => placeholder.fallback === undefined)).toEqual([]);
    });

    it('should take values from the environment when set', () => {
      const expanded = JSON.parse(expandRealmPlaceholders(rawText, { RD_CONSOLE_URL: 'https://rd.example.org' })) as RealmRepresentation;
      expect(client(expanded, 'rd-console').redirectUris).toContain('https://rd.example.org/');
    });
  });

  describe('roles', () => {
    it('should define exactly the platform roles of @rd/contracts', () => {
      expect((realm.roles?.realm ?? []).map((role) => role.name).sort()).toEqual([...ROLES].sort());
    });

    it('should describe every realm role', () => {
      expect((realm.roles?.realm ?? []).filter((role) => !role.description?.trim()).map((role) => role.name)).toEqual([]);
    });
  });

  describe('clients', () => {
    it.each(LOGIN_CLIENTS)('%s should have the default scopes that put sub, realm_access and profile into tokens', (clientId) => {
      expect(client(realm, clientId).defaultClientScopes).toEqual(expect.arrayContaining(REQUIRED_SCOPES));
    });

    it.each(LOGIN_CLIENTS)('%s should add rd-gateway to aud with an audience mapper', (clientId) => {
      const mapper = client(realm, clientId).protocolMappers?.find((m) => m.protocolMapper === 'oidc-audience-mapper');
      expect(mapper?.config).toEqual(expect.objectContaining({ 'included.client.audience': 'rd-gateway', 'access.token.claim': 'true' }));
    });

    it.each(LOGIN_CLIENTS)('%s should put full group paths into the groups claim of the access token', (clientId) => {
      const mapper = client(realm, clientId).protocolMappers?.find((m) => m.protocolMapper === 'oidc-group-membership-mapper');
      expect(mapper?.config).toEqual(expect.objectContaining({ 'claim.name': 'groups', 'full.path': 'true', 'access.token.claim': 'true' }));
    });

    it('should make rd-console a public code-flow client with PKCE S256 and nothing else', () => {
      const console = client(realm, 'rd-console');
      expect(console).toEqual(
        expect.objectContaining({
          publicClient: true,
          standardFlowEnabled: true,
          implicitFlowEnabled: false,
          directAccessGrantsEnabled: false,
          serviceAccountsEnabled: false,
        }),
      );
      expect(console.attributes?.['pkce.code.challenge.method']).toBe('S256');
      expect(new Set(console.redirectUris)).toEqual(new Set(['http://localhost:4200/', 'http://localhost:4310/']));
      expect(new Set(console.webOrigins)).toEqual(new Set(['http://localhost:4200', 'http://localhost:4310']));
    });

    it('should allow the password grant on the test-only rd-test-cli client and nowhere else', () => {
      expect((realm.clients ?? []).filter((c) => c.directAccessGrantsEnabled !== false).map((c) => c.clientId)).toEqual(['rd-test-cli']);
      const cli = client(realm, 'rd-test-cli');
      expect(cli).toEqual(expect.objectContaining({ publicClient: true, standardFlowEnabled: false, implicitFlowEnabled: false }));
      expect(cli.description).toMatch(/TEST ONLY/);
    });

    it('should keep rd-gateway an audience only, with no flow', () => {
      expect(client(realm, 'rd-gateway')).toEqual(
        expect.objectContaining({
          bearerOnly: true,
          standardFlowEnabled: false,
          implicitFlowEnabled: false,
          directAccessGrantsEnabled: false,
          serviceAccountsEnabled: false,
        }),
      );
    });

    it('should never use the implicit flow', () => {
      expect((realm.clients ?? []).filter((c) => c.implicitFlowEnabled !== false).map((c) => c.clientId)).toEqual([]);
    });

    it('should have no wildcard in any redirect URI, web origin or post-logout URI, before or after expansion', () => {
      const all = (r: RealmRepresentation) => (r.clients ?? []).flatMap((c) => urisOf(c).map((uri) => `${c.clientId}: ${uri}`));
      expect([...all(raw), ...all(realm)].filter((entry) => entry.includes('*'))).toEqual([]);
      // After expansion every entry is an exact origin or origin + "/" (no paths, no patterns).
      expect(all(realm).filter((entry) => !/^[\w-]+: https?:\/\/[^/*]+\/?$/.test(entry))).toEqual([]);
    });
  });

  describe('users', () => {
    const paths = new Set(groupPaths(realm.groups));

    it('should mirror the geography in groups', () => {
      expect([...paths].sort()).toEqual(['/batken', '/batken/batken', '/sughd', '/sughd/isfara', '/sughd/khujand']);
    });

    it('should set up every user fully, or the password grant answers "Account is not fully set up"', () => {
      for (const user of realm.users ?? []) {
        expect(user).toEqual(
          expect.objectContaining({
            email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/),
            firstName: expect.any(String),
            lastName: expect.any(String),
            emailVerified: true,
            enabled: true,
            requiredActions: [],
          }),
        );
        expect(user.credentials).toEqual([expect.objectContaining({ type: 'password', value: expect.any(String), temporary: false })]);
      }
    });

    it('should take the demo password from RD_DEMO_PASSWORD with the documented default', () => {
      for (const user of raw.users ?? []) expect(user.credentials?.[0]?.value).toBe('${RD_DEMO_PASSWORD:demo-password-1}');
    });

    it('should only name groups and roles that exist', () => {
      const roles = new Set((realm.roles?.realm ?? []).map((role) => role.name));
      const users = realm.users ?? [];
      expect(users.flatMap((u) => (u.groups ?? []).filter((g) => !paths.has(g)).map((g) => `${u.username}: ${g}`))).toEqual([]);
      expect(users.flatMap((u) => (u.realmRoles ?? []).filter((r) => !roles.has(r)).map((r) => `${u.username}: ${r}`))).toEqual([]);
      expect(users.filter((u) => !u.realmRoles?.length).map((u) => u.username)).toEqual([]);
    });

    it('should match the demo users that tests log in as (@rd/testing DEMO_USERS)', () => {
      const fromRealm = (realm.users ?? []).map((u) => ({ username: u.username, roles: u.realmRoles, groups: u.groups ?? [] }));
      const fromTesting = Object.values(DEMO_USERS).map((u) => ({ username: u.username, roles: [u.role], groups: [...u.groups] }));
      expect(fromRealm.sort((a, b) => a.username.localeCompare(b.username))).toEqual(fromTesting.sort((a, b) => a.username.localeCompare(b.username)));
    });

    it('should have one demo user per role', () => {
      const covered = new Set((realm.users ?? []).flatMap((u) => u.realmRoles ?? []));
      expect([...covered].sort()).toEqual([...ROLES].sort());
    });
  });
});
