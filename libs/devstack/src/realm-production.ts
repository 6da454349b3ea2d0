import { resolve } from 'node:path';
import { isServiceAccount, type RealmClient, type RealmRepresentation, type RealmRole } from './realm';
import { TEST_ONLY_CLIENT_ID } from './realm-lint';
import {
  PRODUCTION_OTP_POLICY,
  rolesThatReadProtectedConcerns,
  TWO_FACTOR_AUTHENTICATOR_CONFIG,
  TWO_FACTOR_BROWSER_FLOW,
  TWO_FACTOR_FLOWS,
  TWO_FACTOR_ROLE,
  TWO_FACTOR_ROLE_DESCRIPTION,
} from './two-factor';

/**
 * The production realm, generated from the dev realm by `renderProductionRealm` (never edited by hand):
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/devstack/src/realm-production.cli.ts
 * The realm lint fails when the committed file differs from what the dev realm generates.
 */
export const PRODUCTION_REALM_FILE = resolve(__dirname, '../../../infra/keycloak/production/reporting-days-realm.json');

/** OWASP ASVS 5.0 §6.2: length counts, composition rules do not; never the username or the email. */
export const PRODUCTION_PASSWORD_POLICY = 'length(12) and maxLength(128) and notUsername and notEmail';

/**
 * Outgoing mail, needed by `verifyEmail` and by invitations to set a password. Keycloak's import resolves the
 * placeholders from the server's environment, like the console URL.
 */
export const PRODUCTION_SMTP = {
  host: '${RD_SMTP_HOST}',
  port: '${RD_SMTP_PORT}',
  from: '${RD_SMTP_FROM}',
  fromDisplayName: 'Reporting Days',
  starttls: 'true',
  ssl: 'false',
  auth: 'true',
  user: '${RD_SMTP_USER}',
  password: '${RD_SMTP_PASSWORD}',
};

/**
 * Keycloak creates `admin-cli` in every realm with the password grant on, unless the realm file defines it: here it
 * is defined with no flow at all (operators use the master realm's admin-cli; realm admins the admin console).
 */
export const ADMIN_CLI_WITHOUT_FLOWS: RealmClient = {
  clientId: 'admin-cli',
  name: 'Admin CLI (no flows)',
  description: "Keycloak's built-in admin-cli, redefined without the password grant it has by default. Nothing logs in through it.",
  enabled: true,
  publicClient: true,
  bearerOnly: false,
  standardFlowEnabled: false,
  implicitFlowEnabled: false,
  directAccessGrantsEnabled: false,
  serviceAccountsEnabled: false,
  redirectUris: [],
  webOrigins: [],
  attributes: { 'oauth2.device.authorization.grant.enabled': 'false', 'oidc.ciba.grant.enabled': 'false' },
};

/** Realm settings that differ from dev; keys the dev realm has keep their place, new ones follow `after`. */
const PRODUCTION_SETTINGS: Array<{ after?: string; set: Record<string, unknown> }> = [
  { set: { sslRequired: 'all', registrationAllowed: false, verifyEmail: true, rememberMe: false } },
  { after: 'editUsernameAllowed', set: { passwordPolicy: PRODUCTION_PASSWORD_POLICY } },
  // The second factor of the browser flow (two-factor.ts): TOTP that common authenticator apps read.
  { after: 'passwordPolicy', set: { ...PRODUCTION_OTP_POLICY } },
  // Refresh token rotation: a stolen refresh token of the public console works once at most (RFC 9700 §4.14.2).
  { after: 'maxDeltaTimeSeconds', set: { revokeRefreshToken: true, refreshTokenMaxReuse: 0 } },
  // Login and admin events, for access reviews; details off so user representations do not pile up there.
  {
    after: 'defaultLocale',
    set: { eventsEnabled: true, eventsExpiration: 90 * 24 * 3600, adminEventsEnabled: true, adminEventsDetailsEnabled: false },
  },
  { after: 'localizationTexts', set: { smtpServer: PRODUCTION_SMTP } },
];

/** `${NAME:default}` → `${NAME}`: in production a missing variable must leave an unusable value, not a localhost one. */
const stripDefault = (value: string): string => value.replace(/\$\{([^}:]+):[^}]*\}/g, '${$1}');
/** Literal URLs (the dev realm's localhost ones) go; placeholders stay, without their defaults. */
const productionUris = (uris: readonly string[]): string[] => [...new Set(uris.filter((uri) => uri.includes('${')).map(stripDefault))];

function productionClient(client: RealmClient): RealmClient {
  const copy: RealmClient = structuredClone(client);
  if (copy.rootUrl !== undefined) copy.rootUrl = stripDefault(copy.rootUrl);
  // A confidential client's secret must be given in production (RD_USER_ADMIN_SECRET), never the dev default.
  if (copy.secret !== undefined) copy.secret = stripDefault(copy.secret);
  if (copy.redirectUris) copy.redirectUris = productionUris(copy.redirectUris);
  if (copy.webOrigins) copy.webOrigins = productionUris(copy.webOrigins);
  const postLogout = copy.attributes?.['post.logout.redirect.uris'];
  if (copy.attributes && postLogout !== undefined) {
    copy.attributes['post.logout.redirect.uris'] = productionUris(postLogout.split('##')).join('##');
  }
  return copy;
}

/**
 * The dev realm's roles, each role that can read restricted or confidential concerns made a composite holding
 * `two-factor-required` (so the browser flow asks it for a one-time code), and that role itself.
 */
function productionRoles(roles: readonly RealmRole[]): RealmRole[] {
  const twoFactor = new Set<string>(rolesThatReadProtectedConcerns());
  const withTwoFactor = (role: RealmRole): RealmRole => {
    if (!twoFactor.has(role.name)) return structuredClone(role);
    const others = (role.composites?.realm ?? []).filter((name) => name !== TWO_FACTOR_ROLE);
    return { ...structuredClone(role), composite: true, composites: { ...role.composites, realm: [...others, TWO_FACTOR_ROLE] } };
  };
  return [...roles.filter((role) => role.name !== TWO_FACTOR_ROLE).map(withTwoFactor), { name: TWO_FACTOR_ROLE, description: TWO_FACTOR_ROLE_DESCRIPTION }];
}

/**
 * The production realm: the dev realm's roles, groups, client scopes, mappers, clients and service accounts, without
 * the test-only client and the demo users (a confidential client's secret without its dev default); an admin-cli without the password grant; TLS everywhere, email verification, a
 * password policy, refresh token rotation, events, SMTP, redirect URIs / web origins from `${RD_CONSOLE_URL}`
 * only (no default), and a browser flow that asks every role able to read restricted or confidential concerns for
 * a one-time code (TOTP) after the password.
 */
export function productionRealm(dev: RealmRepresentation): RealmRepresentation {
  const { users = [], clients = [], ...settings } = structuredClone(dev) as RealmRepresentation & Record<string, unknown>;
  const entries = Object.entries(settings);
  for (const { after, set } of PRODUCTION_SETTINGS) {
    const fresh = Object.entries(set).filter(([key]) => !entries.some(([existing]) => existing === key));
    for (const entry of entries) if (entry[0] in set) entry[1] = set[entry[0]];
    const at = after === undefined ? -1 : entries.findIndex(([key]) => key === after);
    if (after !== undefined && at < 0) throw new Error(`the dev realm has no ${after}: cannot place ${Object.keys(set).join(', ')}`);
    entries.splice(at < 0 ? entries.length : at + 1, 0, ...fresh);
  }
  const realm = Object.fromEntries(entries) as unknown as RealmRepresentation;
  // Service account users stay (their client roles are the client's permissions); demo users go.
  const serviceAccounts = users.filter(isServiceAccount);
  return {
    ...realm,
    ...(serviceAccounts.length ? { users: serviceAccounts } : {}),
    roles: { ...realm.roles, realm: productionRoles(realm.roles?.realm ?? []) },
    clients: [
      ...clients.filter((c) => c.clientId !== TEST_ONLY_CLIENT_ID && c.clientId !== ADMIN_CLI_WITHOUT_FLOWS.clientId).map(productionClient),
      structuredClone(ADMIN_CLI_WITHOUT_FLOWS),
    ],
    browserFlow: TWO_FACTOR_BROWSER_FLOW,
    authenticationFlows: structuredClone([...TWO_FACTOR_FLOWS]),
    authenticatorConfig: structuredClone([...TWO_FACTOR_AUTHENTICATOR_CONFIG]),
  };
}

/** The production realm file's exact text for a dev realm file's text. */
export function renderProductionRealm(devText: string): string {
  return `${JSON.stringify(productionRealm(JSON.parse(devText) as RealmRepresentation), null, 2)}\n`;
}
