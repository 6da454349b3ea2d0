import { readFileSync } from 'node:fs';
import { ROLES } from '@rd/contracts';
import { DEMO_USERS } from '@rd/testing';
import { DEFAULT_REALM_FILE } from './keycloak';
import { expandRealmPlaceholders, groupPaths, isServiceAccount, type RealmClient, type RealmRepresentation } from './realm';
import {
  CONSOLE_CLIENT_ID,
  lintedRealm,
  lintedRealmFromObject,
  lintRealm,
  REALM_RULES,
  TEST_ONLY_CLIENT_ID,
  USER_ADMIN_CLIENT_ID,
  type LintedRealm,
  type RealmKind,
} from './realm-lint';
import { PRODUCTION_REALM_FILE, renderProductionRealm } from './realm-production';
import {
  rolesThatReadProtectedConcerns,
  TWO_FACTOR_BROWSER_FLOW,
  TWO_FACTOR_BY_ROLE_FLOW,
  TWO_FACTOR_FLOWS,
  TWO_FACTOR_FORMS_FLOW,
  TWO_FACTOR_ROLE,
  TWO_FACTOR_ROLE_CONFIG,
} from './two-factor';

// Keycloak realm traps that break tokens silently, and what a production realm must never carry (docs:
// /work/shared/ENGINEERING.md "Keycloak", docs/security.md). The rules live in realm-lint.ts; this spec runs them
// over both realm files and breaks an in-memory copy once per rule, so each rule is shown to fail when it should.
const devText = readFileSync(DEFAULT_REALM_FILE, 'utf8');
const productionText = readFileSync(PRODUCTION_REALM_FILE, 'utf8');
const REALMS: Record<RealmKind, LintedRealm> = {
  dev: lintedRealm('dev', devText),
  production: lintedRealm('production', productionText),
};
const dev = REALMS.dev.imported;
const production = REALMS.production.imported;

function client(r: RealmRepresentation, clientId: string): RealmClient {
  const found = r.clients?.find((c) => c.clientId === clientId);
  if (!found) throw new Error(`client ${clientId} missing`);
  return found;
}

describe('realm lint rules', () => {
  const pairs = REALM_RULES.flatMap((rule) => rule.appliesTo.map((kind) => ({ rule, kind })));

  it.each(pairs.map(({ rule, kind }) => [kind, rule.id, rule] as const))('the %s realm should keep %s', (kind, _id, rule) => {
    expect(rule.check(REALMS[kind])).toEqual([]);
  });

  it('should find nothing in either committed realm file', () => {
    expect([...lintRealm(REALMS.dev), ...lintRealm(REALMS.production)]).toEqual([]);
  });

  // Each case breaks one thing in a copy of a committed realm; the named rule must report it.
  type Mutation = { rule: string; kind: RealmKind; what: string; mutate: (r: RealmRepresentation) => void };
  const consoleOf = (r: RealmRepresentation) => client(r, CONSOLE_CLIENT_ID);
  const attributes = (c: RealmClient) => (c.attributes ??= {});
  const mapperConfig = (c: RealmClient, type: string) => {
    const found = c.protocolMappers?.find((m) => m.protocolMapper === type);
    if (!found) throw new Error(`${c.clientId} has no ${type}`);
    return found.config;
  };
  const nth = <T>(items: T[] | undefined, index: number): T => {
    const item = items?.[index];
    if (item === undefined) throw new Error(`no item ${index}`);
    return item;
  };
  const users = (r: RealmRepresentation) => r.users?.filter((u) => !isServiceAccount(u));
  const userAdmin = (r: RealmRepresentation) => client(r, USER_ADMIN_CLIENT_ID);
  const userAdminAccount = (r: RealmRepresentation) => nth(r.users?.filter(isServiceAccount), 0);
  const userProfile = (r: RealmRepresentation, change: (profile: { attributes: Array<{ name: string; permissions?: { view?: string[]; edit?: string[] } }>; unmanagedAttributePolicy?: string }) => void) => {
    const component = nth(r.components?.['org.keycloak.userprofile.UserProfileProvider'], 0);
    const config = component.config ?? {};
    const profile = JSON.parse(nth(config['kc.user.profile.config'], 0)) as Parameters<typeof change>[0];
    change(profile);
    config['kc.user.profile.config'] = [JSON.stringify(profile)];
  };
  const organisationOf = (profile: { attributes: Array<{ name: string; permissions?: { view?: string[]; edit?: string[] } }> }) => {
    const found = profile.attributes.find((a) => a.name === 'organisation');
    if (!found) throw new Error('no organisation attribute');
    return found;
  };
  const flowOf = (r: RealmRepresentation, alias: string) => {
    const found = r.authenticationFlows?.find((f) => f.alias === alias);
    if (!found) throw new Error(`no flow ${alias}`);
    return found;
  };
  const stepOf = (r: RealmRepresentation, alias: string, authenticatorOrFlow: string) => {
    const found = flowOf(r, alias).authenticationExecutions.find((e) => (e.authenticator ?? e.flowAlias) === authenticatorOrFlow);
    if (!found) throw new Error(`${alias} has no ${authenticatorOrFlow}`);
    return found;
  };
  const roleOf = (r: RealmRepresentation, name: string) => {
    const found = r.roles?.realm?.find((role) => role.name === name);
    if (!found) throw new Error(`no role ${name}`);
    return found;
  };
  const configOf = (r: RealmRepresentation, alias: string) => {
    const found = r.authenticatorConfig?.find((c) => c.alias === alias);
    if (!found) throw new Error(`no authenticator config ${alias}`);
    return found.config;
  };
  const roles = (r: RealmRepresentation) => r.roles?.realm;
  const MUTATIONS: Mutation[] = [
    {
      rule: 'token-client-scopes',
      kind: 'dev',
      what: 'basic dropped from rd-test-cli',
      mutate: (r) => void (client(r, TEST_ONLY_CLIENT_ID).defaultClientScopes = ['roles', 'profile', 'email', 'web-origins', 'acr']),
    },
    {
      rule: 'token-client-scopes',
      kind: 'production',
      what: 'roles dropped from rd-console',
      mutate: (r) => void (consoleOf(r).defaultClientScopes = ['basic', 'profile', 'email', 'web-origins', 'acr']),
    },
    {
      rule: 'token-client-scopes',
      kind: 'production',
      what: 'a new login client without scopes',
      mutate: (r) =>
        void r.clients?.push({ clientId: 'rd-extra', standardFlowEnabled: true, implicitFlowEnabled: false, directAccessGrantsEnabled: false }),
    },
    {
      rule: 'gateway-audience',
      kind: 'dev',
      what: 'audience mapper removed from rd-test-cli',
      mutate: (r) =>
        void (client(r, TEST_ONLY_CLIENT_ID).protocolMappers = client(r, TEST_ONLY_CLIENT_ID).protocolMappers?.filter(
          (m) => m.protocolMapper !== 'oidc-audience-mapper',
        )),
    },
    {
      rule: 'gateway-audience',
      kind: 'production',
      what: 'audience account instead of rd-gateway',
      mutate: (r) => void (mapperConfig(consoleOf(r), 'oidc-audience-mapper')['included.client.audience'] = 'account'),
    },
    {
      rule: 'groups-claim',
      kind: 'dev',
      what: 'group names without full path',
      mutate: (r) => void (mapperConfig(consoleOf(r), 'oidc-group-membership-mapper')['full.path'] = 'false'),
    },
    {
      rule: 'groups-claim',
      kind: 'production',
      what: 'groups mapper removed',
      mutate: (r) => void (consoleOf(r).protocolMappers = consoleOf(r).protocolMappers?.filter((m) => m.name !== 'groups')),
    },
    {
      rule: 'console-pkce',
      kind: 'dev',
      what: 'PKCE attribute removed',
      mutate: (r) => void delete consoleOf(r).attributes?.['pkce.code.challenge.method'],
    },
    {
      rule: 'console-pkce',
      kind: 'production',
      what: 'PKCE plain',
      mutate: (r) => void (attributes(consoleOf(r))['pkce.code.challenge.method'] = 'plain'),
    },
    { rule: 'console-pkce', kind: 'production', what: 'confidential console', mutate: (r) => void (consoleOf(r).publicClient = false) },
    {
      rule: 'exact-uris',
      kind: 'dev',
      what: 'wildcard redirect URI',
      mutate: (r) => void consoleOf(r).redirectUris?.push('http://localhost:4200/*'),
    },
    {
      rule: 'exact-uris',
      kind: 'dev',
      what: 'wildcard in a placeholder default',
      mutate: (r) => void consoleOf(r).webOrigins?.push('${RD_CONSOLE_URL:*}'),
    },
    { rule: 'exact-uris', kind: 'production', what: 'web origin *', mutate: (r) => void (consoleOf(r).webOrigins = ['*']) },
    {
      rule: 'exact-uris',
      kind: 'production',
      what: 'wildcard post-logout URI',
      mutate: (r) => void (attributes(consoleOf(r))['post.logout.redirect.uris'] = '${RD_CONSOLE_URL}/*'),
    },
    {
      rule: 'no-implicit-flow',
      kind: 'dev',
      what: 'implicit flow on rd-gateway',
      mutate: (r) => void (client(r, 'rd-gateway').implicitFlowEnabled = true),
    },
    {
      rule: 'no-implicit-flow',
      kind: 'production',
      what: 'implicit flow left to the default',
      mutate: (r) => void delete consoleOf(r).implicitFlowEnabled,
    },
    { rule: 'direct-grants', kind: 'dev', what: 'password grant on rd-console', mutate: (r) => void (consoleOf(r).directAccessGrantsEnabled = true) },
    {
      rule: 'direct-grants',
      kind: 'dev',
      what: 'rd-test-cli not marked TEST ONLY',
      mutate: (r) => void (client(r, TEST_ONLY_CLIENT_ID).description = 'automated tests'),
    },
    {
      rule: 'direct-grants',
      kind: 'production',
      what: 'password grant on rd-console',
      mutate: (r) => void (consoleOf(r).directAccessGrantsEnabled = true),
    },
    {
      rule: 'direct-grants',
      kind: 'production',
      what: 'rd-test-cli copied into production',
      mutate: (r) => void r.clients?.push(structuredClone(client(dev, TEST_ONLY_CLIENT_ID))),
    },
    {
      rule: 'direct-grants',
      kind: 'production',
      what: 'admin-cli left to Keycloak (which turns the password grant on)',
      mutate: (r) => void (r.clients = r.clients?.filter((c) => c.clientId !== 'admin-cli')),
    },
    {
      rule: 'no-test-client',
      kind: 'production',
      what: 'rd-test-cli copied into production',
      mutate: (r) => void r.clients?.push(structuredClone(client(dev, TEST_ONLY_CLIENT_ID))),
    },
    {
      rule: 'no-test-client',
      kind: 'production',
      what: 'a renamed TEST ONLY client',
      mutate: (r) =>
        void r.clients?.push({ ...structuredClone(client(dev, TEST_ONLY_CLIENT_ID)), clientId: 'rd-cli', directAccessGrantsEnabled: false }),
    },
    { rule: 'token-lifespan', kind: 'dev', what: '30-minute access tokens', mutate: (r) => void (r.accessTokenLifespan = 1800) },
    { rule: 'token-lifespan', kind: 'production', what: 'lifespan left to the default', mutate: (r) => void delete r.accessTokenLifespan },
    { rule: 'brute-force', kind: 'dev', what: 'brute-force protection off', mutate: (r) => void (r.bruteForceProtected = false) },
    { rule: 'brute-force', kind: 'production', what: 'brute-force protection unset', mutate: (r) => void delete r.bruteForceProtected },
    { rule: 'ssl-required', kind: 'dev', what: 'sslRequired none', mutate: (r) => void (r.sslRequired = 'none') },
    { rule: 'ssl-required', kind: 'production', what: 'sslRequired external', mutate: (r) => void (r.sslRequired = 'external') },
    { rule: 'no-self-registration', kind: 'dev', what: 'registration on', mutate: (r) => void (r.registrationAllowed = true) },
    { rule: 'no-self-registration', kind: 'production', what: 'registration unset', mutate: (r) => void delete r.registrationAllowed },
    { rule: 'verify-email', kind: 'production', what: 'verifyEmail off', mutate: (r) => void (r.verifyEmail = false) },
    { rule: 'password-policy', kind: 'production', what: '8 characters', mutate: (r) => void (r.passwordPolicy = 'length(8) and notUsername') },
    { rule: 'password-policy', kind: 'production', what: 'no notUsername', mutate: (r) => void (r.passwordPolicy = 'length(12)') },
    { rule: 'password-policy', kind: 'production', what: 'no policy', mutate: (r) => void delete r.passwordPolicy },
    { rule: 'demo-users', kind: 'dev', what: 'a demo user without email', mutate: (r) => void delete nth(users(r), 1).email },
    { rule: 'demo-users', kind: 'dev', what: 'a demo user with an unverified email', mutate: (r) => void (nth(users(r), 0).emailVerified = false) },
    { rule: 'demo-users', kind: 'dev', what: 'a demo user without last name', mutate: (r) => void (nth(users(r), 2).lastName = ' ') },
    { rule: 'demo-users', kind: 'dev', what: 'a temporary password', mutate: (r) => void (nth(nth(users(r), 3).credentials, 0).temporary = true) },
    {
      rule: 'demo-users',
      kind: 'production',
      what: 'a demo user in production',
      mutate: (r) => void (r.users = [...(r.users ?? []), structuredClone(nth(users(dev), 0))]),
    },
    { rule: 'role-descriptions', kind: 'dev', what: 'a blank role description', mutate: (r) => void (nth(roles(r), 0).description = '  ') },
    { rule: 'role-descriptions', kind: 'production', what: 'a role without description', mutate: (r) => void delete nth(roles(r), 4).description },
    {
      rule: 'placeholder-defaults',
      kind: 'dev',
      what: 'a placeholder without default',
      mutate: (r) => void consoleOf(r).redirectUris?.push('${RD_CONSOLE_URL}/'),
    },
    {
      rule: 'production-uris-from-environment',
      kind: 'production',
      what: 'a literal redirect URI',
      mutate: (r) => void (consoleOf(r).redirectUris = ['https://rd.example.org/']),
    },
    {
      rule: 'production-uris-from-environment',
      kind: 'production',
      what: 'a localhost default',
      mutate: (r) => void (consoleOf(r).webOrigins = ['${RD_CONSOLE_URL:http://localhost:4200}']),
    },
    { rule: 'login-languages', kind: 'dev', what: 'internationalization off', mutate: (r) => void (r.internationalizationEnabled = false) },
    { rule: 'login-languages', kind: 'production', what: 'Kyrgyz and Tajik not offered', mutate: (r) => void (r.supportedLocales = ['en', 'ru']) },
    { rule: 'login-languages', kind: 'dev', what: 'no name for Tajik in Russian', mutate: (r) => void delete r.localizationTexts?.['ru'] },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: "a realm without the flow (Keycloak's built-in browser flow)",
      mutate: (r) => {
        delete r.browserFlow;
        delete r.authenticationFlows;
        delete r.authenticatorConfig;
      },
    },
    { rule: 'two-factor-flow', kind: 'production', what: 'browserFlow set back to browser', mutate: (r) => void (r.browserFlow = 'browser') },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'the OTP form disabled',
      mutate: (r) => void (stepOf(r, TWO_FACTOR_BY_ROLE_FLOW, 'auth-otp-form').requirement = 'DISABLED'),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'the OTP form only an alternative',
      mutate: (r) => void (stepOf(r, TWO_FACTOR_BY_ROLE_FLOW, 'auth-otp-form').requirement = 'ALTERNATIVE'),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'the role condition negated',
      mutate: (r) => void (configOf(r, TWO_FACTOR_ROLE_CONFIG)['negate'] = 'true'),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'the role condition on another role',
      mutate: (r) => void (configOf(r, TWO_FACTOR_ROLE_CONFIG)['condUserRole'] = 'regional-reviewer'),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'the conditional subflow disabled',
      mutate: (r) => void (stepOf(r, TWO_FACTOR_FORMS_FLOW, TWO_FACTOR_BY_ROLE_FLOW).requirement = 'DISABLED'),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'a second password form beside the one with two-factor',
      mutate: (r) =>
        void flowOf(r, TWO_FACTOR_BROWSER_FLOW).authenticationExecutions.push({
          authenticator: 'auth-username-password-form',
          authenticatorFlow: false,
          requirement: 'ALTERNATIVE',
          priority: 40,
        }),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'Kerberos turned on',
      mutate: (r) =>
        void flowOf(r, TWO_FACTOR_BROWSER_FLOW).authenticationExecutions.push({
          authenticator: 'auth-spnego',
          authenticatorFlow: false,
          requirement: 'ALTERNATIVE',
          priority: 20,
        }),
    },
    {
      rule: 'two-factor-flow',
      kind: 'production',
      what: 'CONFIGURE_TOTP disabled',
      mutate: (r) => void (r.requiredActions = [{ alias: 'CONFIGURE_TOTP', providerId: 'CONFIGURE_TOTP', enabled: false }]),
    },
    {
      rule: 'two-factor-roles',
      kind: 'production',
      what: 'police-officer without two-factor-required',
      mutate: (r) => {
        const police = roleOf(r, 'police-officer');
        delete police.composite;
        delete police.composites;
      },
    },
    {
      rule: 'two-factor-roles',
      kind: 'production',
      what: 'local-government (a confidential handler) without two-factor-required',
      mutate: (r) => void (roleOf(r, 'local-government').composites = { realm: [] }),
    },
    {
      rule: 'two-factor-roles',
      kind: 'production',
      what: 'no two-factor-required role',
      mutate: (r) => void (r.roles = { realm: (r.roles?.realm ?? []).filter((role) => role.name !== TWO_FACTOR_ROLE) }),
    },
    { rule: 'otp-policy', kind: 'production', what: 'HOTP instead of TOTP', mutate: (r) => void (r.otpPolicyType = 'hotp') },
    { rule: 'otp-policy', kind: 'production', what: 'reusable codes', mutate: (r) => void (r.otpPolicyCodeReusable = true) },
    { rule: 'otp-policy', kind: 'production', what: 'policy left to the default', mutate: (r) => void delete r.otpPolicyType },
    {
      rule: 'dev-logins-without-two-factor',
      kind: 'dev',
      what: 'the production browser flow in the dev realm',
      mutate: (r) => {
        r.browserFlow = TWO_FACTOR_BROWSER_FLOW;
        r.authenticationFlows = structuredClone([...TWO_FACTOR_FLOWS]);
      },
    },
    {
      rule: 'dev-logins-without-two-factor',
      kind: 'dev',
      what: 'a demo user who must set up OTP',
      mutate: (r) => void (nth(users(r), 2).requiredActions = ['CONFIGURE_TOTP']),
    },
    {
      rule: 'dev-logins-without-two-factor',
      kind: 'dev',
      what: 'the two-factor-required role in the dev realm',
      mutate: (r) => void r.roles?.realm?.push({ name: TWO_FACTOR_ROLE, description: 'x' }),
    },
    ...(['dev', 'production'] as const).flatMap((kind): Mutation[] => [
      {
        rule: 'organisation-claim',
        kind,
        what: 'the console without the organisation mapper',
        mutate: (r) => void (consoleOf(r).protocolMappers = consoleOf(r).protocolMappers?.filter((m) => m.protocolMapper !== 'oidc-usermodel-attribute-mapper')),
      },
      {
        rule: 'organisation-attribute-admin-only',
        kind,
        what: 'users may edit their own organisation',
        mutate: (r) => userProfile(r, (profile) => void (organisationOf(profile).permissions = { view: ['admin', 'user'], edit: ['admin', 'user'] })),
      },
      {
        rule: 'organisation-attribute-admin-only',
        kind,
        what: 'unmanaged attributes enabled',
        mutate: (r) => userProfile(r, (profile) => void (profile.unmanagedAttributePolicy = 'ENABLED')),
      },
      { rule: 'organisation-attribute-admin-only', kind, what: 'no user profile', mutate: (r) => void delete r.components },
      { rule: 'user-admin-client', kind, what: 'the service account with manage-realm', mutate: (r) => void userAdminAccount(r).clientRoles?.['realm-management']?.push('manage-realm') },
      { rule: 'user-admin-client', kind, what: 'the service account with a platform role', mutate: (r) => void (userAdminAccount(r).realmRoles = ['national-coordinator']) },
      { rule: 'user-admin-client', kind, what: 'a literal secret', mutate: (r) => void (userAdmin(r).secret = 'hunter2') },
      { rule: 'user-admin-client', kind, what: 'the password grant on the admin client', mutate: (r) => void (userAdmin(r).directAccessGrantsEnabled = true) },
      { rule: 'user-admin-client', kind, what: 'a public admin client', mutate: (r) => void (userAdmin(r).publicClient = true) },
      { rule: 'user-admin-client', kind, what: 'a service account on the console', mutate: (r) => void (consoleOf(r).serviceAccountsEnabled = true) },
    ]),
    {
      rule: 'user-admin-client',
      kind: 'production',
      what: 'the dev default of the secret',
      mutate: (r) => void (userAdmin(r).secret = '${RD_USER_ADMIN_SECRET:dev-user-admin-secret}'),
    },
  ];

  it.each(MUTATIONS.map((m) => [m.rule, m.kind, m.what, m] as const))('%s should catch (%s realm) %s', (ruleId, kind, _what, mutation) => {
    const rule = REALM_RULES.find((r) => r.id === ruleId);
    if (!rule) throw new Error(`no rule ${ruleId}`);
    expect(rule.appliesTo).toContain(kind);
    const broken = structuredClone(REALMS[kind].raw);
    mutation.mutate(broken);
    expect(rule.check(lintedRealmFromObject(kind, broken))).not.toEqual([]);
  });

  it('should have a breaking case for every rule on every realm it applies to', () => {
    const covered = new Set(MUTATIONS.map((m) => `${m.rule}/${m.kind}`));
    expect(pairs.map(({ rule, kind }) => `${rule.id}/${kind}`).filter((pair) => !covered.has(pair))).toEqual([]);
  });
});

describe('production realm', () => {
  it('should be exactly what the dev realm generates (run libs/devstack/src/realm-production.cli.ts after changing the dev realm)', () => {
    // Compared as text: the file is generated, never edited by hand.
    expect(productionText).toBe(renderProductionRealm(devText));
  });

  it('should share roles, groups, mappers and scopes with the dev realm', () => {
    const names = (r: RealmRepresentation) => (r.roles?.realm ?? []).map(({ name, description }) => ({ name, description }));
    expect(names(production).filter((role) => role.name !== TWO_FACTOR_ROLE)).toEqual(names(dev));
    expect(production.groups).toEqual(dev.groups);
    expect(client(production, 'rd-gateway')).toEqual(client(dev, 'rd-gateway'));
    const shared = ({ redirectUris: _r, webOrigins: _w, rootUrl: _u, attributes, ...rest }: RealmClient) => ({
      ...rest,
      attributes: Object.fromEntries(Object.entries(attributes ?? {}).filter(([key]) => key !== 'post.logout.redirect.uris')),
    });
    expect(shared(client(production, CONSOLE_CLIENT_ID))).toEqual(shared(client(dev, CONSOLE_CLIENT_ID)));
    expect((production.clients ?? []).map((c) => c.clientId).sort()).toEqual(['admin-cli', CONSOLE_CLIENT_ID, 'rd-gateway', USER_ADMIN_CLIENT_ID]);
    expect(client(production, USER_ADMIN_CLIENT_ID).secret).toBe('${RD_USER_ADMIN_SECRET}');
    expect(production.users).toEqual(dev.users?.filter(isServiceAccount));
  });

  it('should take the console URL from RD_CONSOLE_URL and nothing else', () => {
    const console = client(production, CONSOLE_CLIENT_ID);
    expect(console.redirectUris).toEqual(['${RD_CONSOLE_URL}/']);
    expect(console.webOrigins).toEqual(['${RD_CONSOLE_URL}']);
    expect(console.attributes?.['post.logout.redirect.uris']).toBe('${RD_CONSOLE_URL}/');
    const expanded = JSON.parse(expandRealmPlaceholders(productionText, { RD_CONSOLE_URL: 'https://rd.example.org' })) as RealmRepresentation;
    expect(client(expanded, CONSOLE_CLIENT_ID).redirectUris).toEqual(['https://rd.example.org/']);
  });
});

describe(rolesThatReadProtectedConcerns.name, () => {
  it('should be the roles that canReadConcern lets read restricted or confidential text: not the regional reviewer', () => {
    expect(rolesThatReadProtectedConcerns()).toEqual(['national-coordinator', 'ngo-admin', 'police-officer', 'local-government']);
  });

  it('should be exactly the production roles that include two-factor-required', () => {
    const withTwoFactor = (production.roles?.realm ?? []).filter((role) => role.composites?.realm?.includes(TWO_FACTOR_ROLE)).map((role) => role.name);
    expect(withTwoFactor.sort()).toEqual(rolesThatReadProtectedConcerns().sort());
    expect(production.browserFlow).toBe(TWO_FACTOR_BROWSER_FLOW);
  });
});

describe('dev realm', () => {
  it('should take the console URL from RD_CONSOLE_URL when set, besides the fixed localhost ones', () => {
    const expanded = JSON.parse(expandRealmPlaceholders(devText, { RD_CONSOLE_URL: 'https://rd.example.org' })) as RealmRepresentation;
    expect(client(expanded, CONSOLE_CLIENT_ID).redirectUris).toContain('https://rd.example.org/');
    expect(new Set(client(dev, CONSOLE_CLIENT_ID).redirectUris)).toEqual(new Set(['http://localhost:4200/', 'http://localhost:4310/']));
    expect(new Set(client(dev, CONSOLE_CLIENT_ID).webOrigins)).toEqual(new Set(['http://localhost:4200', 'http://localhost:4310']));
  });

  it('should take the demo password from RD_DEMO_PASSWORD with the documented default', () => {
    for (const user of (REALMS.dev.raw.users ?? []).filter((u) => !isServiceAccount(u))) expect(user.credentials?.[0]?.value).toBe('${RD_DEMO_PASSWORD:demo-password-1}');
  });

  it('should only name groups and roles that exist', () => {
    const paths = new Set(groupPaths(dev.groups));
    const roles = new Set((dev.roles?.realm ?? []).map((role) => role.name));
    const users = (dev.users ?? []).filter((u) => !isServiceAccount(u));
    expect(users.flatMap((u) => (u.groups ?? []).filter((g) => !paths.has(g)).map((g) => `${u.username}: ${g}`))).toEqual([]);
    expect(users.flatMap((u) => (u.realmRoles ?? []).filter((r) => !roles.has(r)).map((r) => `${u.username}: ${r}`))).toEqual([]);
    expect(users.filter((u) => !u.realmRoles?.length).map((u) => u.username)).toEqual([]);
  });

  it('should match the demo users that tests log in as (@rd/testing DEMO_USERS)', () => {
    const fromRealm = (dev.users ?? []).filter((u) => !isServiceAccount(u)).map((u) => ({ username: u.username, roles: u.realmRoles, groups: u.groups ?? [] }));
    const fromTesting = Object.values(DEMO_USERS).map((u) => ({ username: u.username, roles: [u.role], groups: [...u.groups] }));
    expect(fromRealm.sort((a, b) => a.username.localeCompare(b.username))).toEqual(fromTesting.sort((a, b) => a.username.localeCompare(b.username)));
  });

  it('should have one demo user per role', () => {
    const covered = new Set((dev.users ?? []).flatMap((u) => u.realmRoles ?? []));
    expect([...covered].sort()).toEqual([...ROLES].sort());
  });
});

describe.each(['dev', 'production'] as const)('%s realm file', (kind) => {
  const realm = REALMS[kind].imported;

  it('should be the reporting-days realm, enabled', () => {
    expect(realm.realm).toBe('reporting-days');
    expect(realm.enabled).toBe(true);
  });

  it('should define exactly the platform roles of @rd/contracts (and, in production, the two-factor marker)', () => {
    const expected = kind === 'production' ? [...ROLES, TWO_FACTOR_ROLE] : [...ROLES];
    expect((realm.roles?.realm ?? []).map((role) => role.name).sort()).toEqual(expected.sort());
  });

  it('should mirror the geography in groups', () => {
    expect(groupPaths(realm.groups).sort()).toEqual(['/batken', '/batken/batken', '/sughd', '/sughd/isfara', '/sughd/khujand']);
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
});
