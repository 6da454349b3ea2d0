import {
  expandRealmPlaceholders,
  isServiceAccount,
  realmPlaceholders,
  type RealmAuthenticationFlow,
  type RealmClient,
  type RealmFlowExecution,
  type RealmRepresentation,
} from './realm';
import { AUTHENTICATORS, PRODUCTION_OTP_POLICY, rolesThatReadProtectedConcerns, TWO_FACTOR_ROLE, USER_ROLE_CONDITION_KEYS } from './two-factor';

/** `dev`: infra/keycloak/reporting-days-realm.json (demo users, test client); `production`: infra/keycloak/production/. */
export type RealmKind = 'dev' | 'production';

/** A realm file as the lint sees it. */
export interface LintedRealm {
  kind: RealmKind;
  /** The file's text, placeholders unresolved. */
  text: string;
  /** The file as committed. */
  raw: RealmRepresentation;
  /** What Keycloak imports when no variable is set (placeholders with a default resolved, others left as they are). */
  imported: RealmRepresentation;
}

export function lintedRealm(kind: RealmKind, text: string): LintedRealm {
  return {
    kind,
    text,
    raw: JSON.parse(text) as RealmRepresentation,
    imported: JSON.parse(expandRealmPlaceholders(text, {})) as RealmRepresentation,
  };
}

/** For in-memory copies (the lint's own tests break a realm and expect a rule to notice). */
export function lintedRealmFromObject(kind: RealmKind, raw: RealmRepresentation): LintedRealm {
  return lintedRealm(kind, `${JSON.stringify(raw, null, 2)}\n`);
}

export interface RealmRule {
  id: string;
  /** What the rule demands, and why (shown when it fails). */
  summary: string;
  appliesTo: readonly RealmKind[];
  /** Every violation, in words; empty when the realm keeps the rule. */
  check(realm: LintedRealm): string[];
}

/** The client that may use the password grant: dev and test only (OWASP ASVS 5.0 §10.4.4). */
export const TEST_ONLY_CLIENT_ID = 'rd-test-cli';
export const CONSOLE_CLIENT_ID = 'rd-console';
/** The gateway's confidential client for user administration (docs/adr/0033-user-administration.md). */
export const USER_ADMIN_CLIENT_ID = 'rd-user-admin';
/** Exactly what its service account may do: manage and read users, read groups. Nothing on the realm itself. */
export const USER_ADMIN_ROLES = ['manage-users', 'query-groups', 'query-users', 'view-users'] as const;
/** The user attribute naming the user's organisation, and the access-token claim it goes to. */
export const ORGANISATION_ATTRIBUTE = 'organisation';
const USER_PROFILE_PROVIDER = 'org.keycloak.userprofile.UserProfileProvider';
export const GATEWAY_AUDIENCE = 'rd-gateway';
/**
 * Default client scopes of every client that gets tokens: `basic` puts `sub` in (without it the gateway has no
 * user id), `roles` puts `realm_access.roles` in, `profile` `preferred_username` (the actor's username, audit),
 * `email`, `web-origins` (CORS for the console) and `acr`.
 */
export const REQUIRED_DEFAULT_SCOPES = ['basic', 'roles', 'profile', 'email', 'web-origins', 'acr'] as const;
/** The console's languages (apps/console/src/i18n); the login page follows the one picked there (`ui_locales`). */
export const CONSOLE_LOCALES = ['en', 'ru', 'tg', 'ky'] as const;
/**
 * Locales whose name Keycloak 26.7 has no message for (its themes have no `messages_tg`): without a realm text
 * `locale_tg` the login page's language menu shows the bare tag.
 */
export const LOCALES_WITHOUT_THEME_LABEL = ['tg'] as const;
/** Access tokens live at most this long (seconds): the gateway cannot revoke one it has verified. */
export const MAX_ACCESS_TOKEN_LIFESPAN = 300;
export const MIN_PRODUCTION_PASSWORD_LENGTH = 12;

const clientsOf = (realm: RealmRepresentation): RealmClient[] => realm.clients ?? [];

/** Clients Keycloak issues tokens to: anything with a flow enabled that is not a bare audience. */
export function tokenClients(realm: RealmRepresentation): RealmClient[] {
  return clientsOf(realm).filter(
    (c) =>
      c.bearerOnly !== true &&
      (c.standardFlowEnabled !== false ||
        c.implicitFlowEnabled === true ||
        c.directAccessGrantsEnabled === true ||
        c.serviceAccountsEnabled === true),
  );
}

/** A client that only gets tokens for itself (client credentials): no user signs in through it. */
const serviceAccountOnly = (c: RealmClient): boolean =>
  c.serviceAccountsEnabled === true && c.standardFlowEnabled === false && c.implicitFlowEnabled === false && c.directAccessGrantsEnabled !== true;

/** Clients that give users tokens for the gateway (not service-account-only clients). */
export function userTokenClients(realm: RealmRepresentation): RealmClient[] {
  return tokenClients(realm).filter((c) => !serviceAccountOnly(c));
}

/** The declarative user profile's attributes, or undefined when the realm keeps Keycloak's default profile. */
export function userProfileAttributes(realm: RealmRepresentation): Array<{ name: string; permissions?: { view?: string[]; edit?: string[] } }> | undefined {
  const raw = realm.components?.[USER_PROFILE_PROVIDER]?.find((c) => c.providerId === 'declarative-user-profile')?.config?.['kc.user.profile.config']?.[0];
  if (raw === undefined) return undefined;
  const parsed = JSON.parse(raw) as { attributes?: Array<{ name: string }>; unmanagedAttributePolicy?: string };
  if (parsed.unmanagedAttributePolicy !== undefined) return [];
  return parsed.attributes ?? [];
}

/** Redirect URIs, web origins, post-logout redirect URIs and the root URL of a client. */
export function clientUris(c: RealmClient): string[] {
  const postLogout = c.attributes?.['post.logout.redirect.uris'];
  return [...(c.rootUrl ? [c.rootUrl] : []), ...(c.redirectUris ?? []), ...(c.webOrigins ?? []), ...(postLogout ? postLogout.split('##') : [])];
}

function mapperOf(c: RealmClient, type: string) {
  return c.protocolMappers?.find((m) => m.protocolMapper === type);
}

function forEachTokenClient(realm: RealmRepresentation, check: (c: RealmClient) => string[]): string[] {
  const clients = userTokenClients(realm);
  if (clients.length === 0) return ['no client gets tokens at all'];
  return clients.flatMap((c) => check(c).map((problem) => `${c.clientId}: ${problem}`));
}

/** An exact origin with an optional trailing slash; nothing else is a safe redirect URI or web origin here. */
const EXACT_ORIGIN = /^https?:\/\/[^/*?#\s]+\/?$/;
/** A whole-value placeholder without a default (production), with an optional trailing slash. */
const BARE_PLACEHOLDER = /^\$\{[A-Z][A-Z0-9_]*\}\/?$/;

/** Authenticators a browser flow may use without weakening the second factor; anything else fails closed. */
const TWO_FACTOR_SAFE_AUTHENTICATORS: readonly string[] = Object.values(AUTHENTICATORS);
/** Authenticators that take a password, after which the second factor must follow in the same flow. */
const PASSWORD_AUTHENTICATORS: readonly string[] = [AUTHENTICATORS.usernamePasswordForm, 'auth-password-form'];

const isOn = (e: RealmFlowExecution) => e.requirement !== 'DISABLED';
const byPriority = (flow: RealmAuthenticationFlow) => [...flow.authenticationExecutions].sort((a, b) => a.priority - b.priority);

/**
 * Problems with how a browser flow asks for the second factor: every password step must be followed, in the same
 * flow, by a CONDITIONAL subflow whose REQUIRED `conditional-user-role` on `two-factor-required` (not negated)
 * guards a REQUIRED OTP form; only authenticators known to keep that are allowed anywhere in the flow.
 */
function twoFactorFlowProblems(realm: RealmRepresentation): string[] {
  const flows = new Map((realm.authenticationFlows ?? []).map((f) => [f.alias, f]));
  const configs = new Map((realm.authenticatorConfig ?? []).map((c) => [c.alias, c.config]));
  const top = realm.browserFlow === undefined ? undefined : flows.get(realm.browserFlow);
  if (!top) return [`browserFlow ${realm.browserFlow ?? 'unset'} is not a flow of this file (Keycloak's built-in browser flow asks a second factor only of users who set one up)`];
  if (!top.topLevel) return [`browser flow ${top.alias} is not a top-level flow`];
  const problems: string[] = [];
  let passwordSteps = 0;
  const asksOtpByRole = (sub: RealmAuthenticationFlow | undefined): boolean => {
    if (!sub) return false;
    const steps = sub.authenticationExecutions.filter(isOn);
    const roleCondition = steps.some((e) => {
      const config = e.authenticatorConfig === undefined ? undefined : configs.get(e.authenticatorConfig);
      return (
        e.authenticator === AUTHENTICATORS.userRoleCondition &&
        e.requirement === 'REQUIRED' &&
        config?.[USER_ROLE_CONDITION_KEYS.role] === TWO_FACTOR_ROLE &&
        config[USER_ROLE_CONDITION_KEYS.negate] !== 'true'
      );
    });
    const conditions = steps.filter((e) => e.authenticator?.startsWith('conditional-'));
    return roleCondition && conditions.length === 1 && steps.some((e) => e.authenticator === AUTHENTICATORS.otpForm && e.requirement === 'REQUIRED');
  };
  const visit = (flow: RealmAuthenticationFlow, seen: Set<string>) => {
    if (seen.has(flow.alias)) return void problems.push(`flow ${flow.alias} includes itself`);
    seen.add(flow.alias);
    const steps = byPriority(flow).filter(isOn);
    steps.forEach((step, index) => {
      if (step.authenticatorFlow) {
        const sub = step.flowAlias === undefined ? undefined : flows.get(step.flowAlias);
        if (!sub) problems.push(`${flow.alias}: subflow ${step.flowAlias ?? '(no alias)'} is not in the file`);
        else visit(sub, new Set(seen));
        return;
      }
      const authenticator = step.authenticator ?? '(none)';
      if (!TWO_FACTOR_SAFE_AUTHENTICATORS.includes(authenticator)) {
        problems.push(`${flow.alias}: ${authenticator} (${step.requirement}) is not known to keep the second factor`);
      }
      if (PASSWORD_AUTHENTICATORS.includes(authenticator)) {
        passwordSteps += 1;
        if (step.requirement !== 'REQUIRED') problems.push(`${flow.alias}: ${authenticator} is ${step.requirement}, not REQUIRED`);
        const after = steps.slice(index + 1);
        const guarded = after.some(
          (e) => e.authenticatorFlow && e.requirement === 'CONDITIONAL' && asksOtpByRole(e.flowAlias === undefined ? undefined : flows.get(e.flowAlias)),
        );
        if (!guarded) problems.push(`${flow.alias}: no CONDITIONAL subflow after ${authenticator} asks for OTP (REQUIRED) when the user has ${TWO_FACTOR_ROLE}`);
        const bypass = after.filter((e) => e.requirement === 'ALTERNATIVE');
        if (bypass.length > 0) problems.push(`${flow.alias}: an ALTERNATIVE step after ${authenticator} could stand in for the second factor`);
      }
    });
  };
  visit(top, new Set());
  if (passwordSteps === 0) problems.push(`browser flow ${top.alias} asks for no password`);
  return problems;
}

/** Every rule of the realm lint; `realm-lint.spec.ts` runs them over both realm files and proves each one bites. */
export const REALM_RULES: readonly RealmRule[] = [
  {
    id: 'token-client-scopes',
    summary: `every client that gets tokens has the default scopes ${REQUIRED_DEFAULT_SCOPES.join(', ')} (without basic no sub, without roles no realm_access)`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) =>
      forEachTokenClient(imported, (c) =>
        REQUIRED_DEFAULT_SCOPES.filter((s) => !c.defaultClientScopes?.includes(s)).map((s) => `default scope ${s} missing`),
      ),
  },
  {
    id: 'gateway-audience',
    summary: `every client that gets tokens adds ${GATEWAY_AUDIENCE} to aud with an audience mapper (Keycloak's default audience is account)`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) =>
      forEachTokenClient(imported, (c) => {
        const config = mapperOf(c, 'oidc-audience-mapper')?.config;
        return config?.['included.client.audience'] === GATEWAY_AUDIENCE && config['access.token.claim'] === 'true'
          ? []
          : [`no audience mapper adding ${GATEWAY_AUDIENCE} to the access token`];
      }),
  },
  {
    id: 'groups-claim',
    summary: 'every client that gets tokens maps group membership with full paths to the groups claim of the access token (district scope)',
    appliesTo: ['dev', 'production'],
    check: ({ imported }) =>
      forEachTokenClient(imported, (c) => {
        const config = mapperOf(c, 'oidc-group-membership-mapper')?.config;
        return config?.['claim.name'] === 'groups' && config['full.path'] === 'true' && config['access.token.claim'] === 'true'
          ? []
          : ['no group-membership mapper writing full paths to the groups claim of the access token'];
      }),
  },
  {
    id: 'organisation-claim',
    summary: `every client that gives users tokens maps the user attribute ${ORGANISATION_ATTRIBUTE} to the access-token claim ${ORGANISATION_ATTRIBUTE} (actor.organisationId)`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) =>
      forEachTokenClient(imported, (c) => {
        const ok = c.protocolMappers?.some(
          (m) =>
            m.protocolMapper === 'oidc-usermodel-attribute-mapper' &&
            m.config['user.attribute'] === ORGANISATION_ATTRIBUTE &&
            m.config['claim.name'] === ORGANISATION_ATTRIBUTE &&
            m.config['access.token.claim'] === 'true',
        );
        return ok ? [] : [`no user-attribute mapper writing ${ORGANISATION_ATTRIBUTE} to the access token`];
      }),
  },
  {
    id: 'organisation-attribute-admin-only',
    summary: `the user profile declares ${ORGANISATION_ATTRIBUTE} (undeclared attributes are dropped) and only admins may view or edit it (a user must not pick their own organisation); unmanaged attributes stay off`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) => {
      const attributes = userProfileAttributes(imported);
      if (attributes === undefined) return ['no declarative user profile: Keycloak drops the undeclared attribute ' + ORGANISATION_ATTRIBUTE];
      if (attributes.length === 0) return ['the user profile enables unmanaged attributes, which users could set themselves'];
      const organisation = attributes.find((a) => a.name === ORGANISATION_ATTRIBUTE);
      if (!organisation) return [`${ORGANISATION_ATTRIBUTE} is not declared in the user profile`];
      const problems: string[] = [];
      for (const action of ['view', 'edit'] as const) {
        const who = organisation.permissions?.[action] ?? [];
        if (who.some((role) => role !== 'admin')) problems.push(`${ORGANISATION_ATTRIBUTE}: ${action} allowed to ${who.join(', ')}, not admin only`);
      }
      if (!organisation.permissions?.edit?.includes('admin')) problems.push(`${ORGANISATION_ATTRIBUTE}: admins cannot edit it`);
      return problems;
    },
  },
  {
    id: 'user-admin-client',
    summary: `${USER_ADMIN_CLIENT_ID} is confidential with the service account as its only flow, its secret from \${RD_USER_ADMIN_SECRET} (no default in production), and its service account holds exactly realm-management ${USER_ADMIN_ROLES.join(', ')}; no other client has a service account`,
    appliesTo: ['dev', 'production'],
    check: ({ raw, kind }) => {
      const problems: string[] = [];
      const c = clientsOf(raw).find((client) => client.clientId === USER_ADMIN_CLIENT_ID);
      if (!c) return [`${USER_ADMIN_CLIENT_ID} missing (the gateway's user administration logs in through it)`];
      if (c.publicClient !== false) problems.push('not confidential (publicClient must be false)');
      if (!serviceAccountOnly(c)) problems.push('must have the service account and no other flow');
      const secret = kind === 'production' ? /^\$\{RD_USER_ADMIN_SECRET\}$/ : /^\$\{RD_USER_ADMIN_SECRET(:[^}]+)?\}$/;
      if (!secret.test(c.secret ?? '')) problems.push(`secret ${c.secret ?? 'unset'} is not \${RD_USER_ADMIN_SECRET}${kind === 'production' ? ' without default' : ''}`);
      const others = clientsOf(raw).filter((other) => other.serviceAccountsEnabled === true && other.clientId !== USER_ADMIN_CLIENT_ID);
      problems.push(...others.map((other) => `${other.clientId}: has a service account`));
      const accounts = (raw.users ?? []).filter(isServiceAccount);
      const account = accounts.find((u) => u.serviceAccountClientId === USER_ADMIN_CLIENT_ID);
      if (!account) return [...problems, `no service account user for ${USER_ADMIN_CLIENT_ID}`].map((p) => `${USER_ADMIN_CLIENT_ID}: ${p}`);
      if ((account.realmRoles ?? []).length > 0) problems.push(`its service account holds realm roles ${account.realmRoles?.join(', ')}`);
      if ((account.groups ?? []).length > 0) problems.push('its service account is in groups');
      const clientRoles = account.clientRoles ?? {};
      for (const [clientId, roles] of Object.entries(clientRoles)) {
        if (clientId !== 'realm-management') problems.push(`its service account holds roles of ${clientId}`);
        else if ([...roles].sort().join(',') !== USER_ADMIN_ROLES.join(',')) problems.push(`its service account holds realm-management ${roles.join(', ')}, not exactly ${USER_ADMIN_ROLES.join(', ')}`);
      }
      if (!clientRoles['realm-management']) problems.push('its service account holds no realm-management role');
      problems.push(...accounts.filter((u) => u !== account).map((u) => `${u.username}: another service account user`));
      return problems.map((p) => `${USER_ADMIN_CLIENT_ID}: ${p}`);
    },
  },
  {
    id: 'console-pkce',
    summary: `${CONSOLE_CLIENT_ID} is a public authorization-code client with PKCE S256 and no service account`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) => {
      const c = clientsOf(imported).find((client) => client.clientId === CONSOLE_CLIENT_ID);
      if (!c) return [`${CONSOLE_CLIENT_ID} missing`];
      const problems: string[] = [];
      if (c.publicClient !== true) problems.push('not a public client');
      if (c.standardFlowEnabled !== true) problems.push('authorization code flow off');
      if (c.serviceAccountsEnabled !== false) problems.push('service account not explicitly off');
      if (c.attributes?.['pkce.code.challenge.method'] !== 'S256')
        problems.push(`PKCE method is ${c.attributes?.['pkce.code.challenge.method'] ?? 'unset'}, not S256`);
      return problems.map((p) => `${CONSOLE_CLIENT_ID}: ${p}`);
    },
  },
  {
    id: 'exact-uris',
    summary:
      'no wildcard (*) in any root URL, redirect URI, web origin or post-logout URI, before or after placeholders resolve; each is an exact origin (or a bare placeholder in production)',
    appliesTo: ['dev', 'production'],
    check: ({ raw, imported, kind }) => {
      const wildcards = [raw, imported].flatMap((r) =>
        clientsOf(r).flatMap((c) =>
          clientUris(c)
            .filter((uri) => uri.includes('*'))
            .map((uri) => `${c.clientId}: wildcard in ${uri}`),
        ),
      );
      const inexact = clientsOf(imported).flatMap((c) =>
        clientUris(c)
          .filter((uri) => !uri.includes('*') && !EXACT_ORIGIN.test(uri) && !(kind === 'production' && BARE_PLACEHOLDER.test(uri)))
          .map((uri) => `${c.clientId}: ${uri} is not an exact origin`),
      );
      return [...new Set(wildcards), ...inexact];
    },
  },
  {
    id: 'no-implicit-flow',
    summary: 'every client turns the implicit flow off explicitly (OAuth 2.0 Security BCP, RFC 9700)',
    appliesTo: ['dev', 'production'],
    check: ({ imported }) =>
      clientsOf(imported)
        .filter((c) => c.implicitFlowEnabled !== false)
        .map((c) => `${c.clientId}: implicit flow not explicitly off`),
  },
  {
    id: 'direct-grants',
    summary: `the password grant (direct access) only on ${TEST_ONLY_CLIENT_ID} in the dev realm, nowhere in production, not even on Keycloak's admin-cli (OWASP ASVS 5.0 §10.4.4)`,
    appliesTo: ['dev', 'production'],
    check: ({ imported, kind }) => {
      const allowed = kind === 'dev' ? [TEST_ONLY_CLIENT_ID] : [];
      const problems = clientsOf(imported)
        .filter((c) => c.directAccessGrantsEnabled !== false && !allowed.includes(c.clientId))
        .map((c) => `${c.clientId}: direct access grants not explicitly off`);
      if (kind === 'production') {
        // Keycloak adds admin-cli with the password grant on to every realm whose file does not define it.
        const adminCli = clientsOf(imported).find((c) => c.clientId === 'admin-cli');
        if (adminCli?.directAccessGrantsEnabled !== false) problems.push('admin-cli must be defined with direct access grants off, or Keycloak adds it with them on');
      }
      if (kind === 'dev') {
        const cli = clientsOf(imported).find((c) => c.clientId === TEST_ONLY_CLIENT_ID);
        if (!cli) problems.push(`${TEST_ONLY_CLIENT_ID} missing (the tests log in through it)`);
        else {
          if (!/TEST ONLY/.test(cli.description ?? '')) problems.push(`${TEST_ONLY_CLIENT_ID}: description must say TEST ONLY`);
          if (cli.standardFlowEnabled !== false) problems.push(`${TEST_ONLY_CLIENT_ID}: must have no flow but the password grant`);
          if (cli.publicClient !== true) problems.push(`${TEST_ONLY_CLIENT_ID}: must be public (no secret to leak)`);
        }
      }
      return problems;
    },
  },
  {
    id: 'no-test-client',
    summary: `no ${TEST_ONLY_CLIENT_ID} (and no client marked TEST ONLY) in the production realm`,
    appliesTo: ['production'],
    check: ({ imported }) =>
      clientsOf(imported)
        .filter((c) => c.clientId === TEST_ONLY_CLIENT_ID || /TEST ONLY/i.test(`${c.name ?? ''} ${c.description ?? ''}`))
        .map((c) => `${c.clientId}: a test-only client in production`),
  },
  {
    id: 'token-lifespan',
    summary: `access tokens live at most ${MAX_ACCESS_TOKEN_LIFESPAN} s (a verified token cannot be revoked at the gateway)`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) =>
      typeof imported.accessTokenLifespan === 'number' &&
      imported.accessTokenLifespan > 0 &&
      imported.accessTokenLifespan <= MAX_ACCESS_TOKEN_LIFESPAN
        ? []
        : [`accessTokenLifespan is ${imported.accessTokenLifespan ?? 'unset (Keycloak default)'}`],
  },
  {
    id: 'brute-force',
    summary: 'brute-force protection on',
    appliesTo: ['dev', 'production'],
    check: ({ imported }) => (imported.bruteForceProtected === true ? [] : ['bruteForceProtected is not true']),
  },
  {
    id: 'ssl-required',
    summary: 'TLS required for every request in production; outside localhost in dev',
    appliesTo: ['dev', 'production'],
    check: ({ imported, kind }) => {
      const expected = kind === 'production' ? 'all' : 'external';
      return imported.sslRequired === expected ? [] : [`sslRequired is ${imported.sslRequired ?? 'unset'}, not ${expected}`];
    },
  },
  {
    id: 'no-self-registration',
    summary: 'self-registration off: access is granted by the national coordinator',
    appliesTo: ['dev', 'production'],
    check: ({ imported }) => (imported.registrationAllowed === false ? [] : ['registrationAllowed is not false']),
  },
  {
    id: 'verify-email',
    summary: 'email verification on in production (invitations, minutes and password resets go to that address)',
    appliesTo: ['production'],
    check: ({ imported }) => (imported.verifyEmail === true ? [] : ['verifyEmail is not true']),
  },
  {
    id: 'password-policy',
    summary: `production password policy: at least ${MIN_PRODUCTION_PASSWORD_LENGTH} characters and not the username`,
    appliesTo: ['production'],
    check: ({ imported }) => {
      const policy = imported.passwordPolicy ?? '';
      const parts = policy.split(/\s+and\s+/).map((p) => p.trim());
      const length = parts.map((p) => /^length\((\d+)\)$/.exec(p)).find(Boolean);
      const problems: string[] = [];
      if (!length || Number(length[1]) < MIN_PRODUCTION_PASSWORD_LENGTH)
        problems.push(`passwordPolicy "${policy}" has no length(n >= ${MIN_PRODUCTION_PASSWORD_LENGTH})`);
      if (!parts.some((p) => /^notUsername(\(.*\))?$/.test(p))) problems.push(`passwordPolicy "${policy}" lacks notUsername`);
      return problems;
    },
  },
  {
    id: 'demo-users',
    summary:
      'dev: every demo user fully set up (email, names, verified, no pending action) or the password grant answers "Account is not fully set up"; production: no users but service accounts',
    appliesTo: ['dev', 'production'],
    check: ({ imported, kind }) => {
      const users = (imported.users ?? []).filter((u) => !isServiceAccount(u));
      if (kind === 'production') return users.map((u) => `${u.username}: a user in the production realm`);
      if (users.length === 0) return ['no demo users'];
      return users.flatMap((u) => {
        const problems: string[] = [];
        if (!/^[^@\s]+@[^@\s]+$/.test(u.email ?? '')) problems.push('no email');
        if (!u.firstName?.trim()) problems.push('no first name');
        if (!u.lastName?.trim()) problems.push('no last name');
        if (u.emailVerified !== true) problems.push('email not verified');
        if (u.enabled !== true) problems.push('not enabled');
        if ((u.requiredActions ?? []).length > 0) problems.push(`required actions ${u.requiredActions?.join(', ')}`);
        const credentials = u.credentials ?? [];
        if (credentials.length !== 1 || credentials[0].type !== 'password' || !credentials[0].value || credentials[0].temporary !== false) {
          problems.push('needs exactly one non-temporary password');
        }
        return problems.map((p) => `${u.username}: ${p}`);
      });
    },
  },
  {
    id: 'role-descriptions',
    summary: 'every realm role has a description (the admin console and access reviews show it)',
    appliesTo: ['dev', 'production'],
    check: ({ imported }) => {
      const roles = imported.roles?.realm ?? [];
      if (roles.length === 0) return ['no realm roles'];
      return roles.filter((role) => !role.description?.trim()).map((role) => `${role.name}: no description`);
    },
  },
  {
    id: 'placeholder-defaults',
    summary: 'dev: every ${NAME} placeholder has a default, so a bare `kc.sh start-dev --import-realm` works',
    appliesTo: ['dev'],
    check: ({ text }) =>
      realmPlaceholders(text)
        .filter((p) => p.fallback === undefined)
        .map((p) => `\${${p.name}} has no default`),
  },
  {
    id: 'production-uris-from-environment',
    summary:
      'production: root URL, redirect URIs, web origins and post-logout URIs come only from ${NAME} placeholders without defaults; no localhost anywhere',
    appliesTo: ['production'],
    check: ({ raw, text }) => {
      const literal = clientsOf(raw).flatMap((c) =>
        clientUris(c)
          .filter((uri) => !BARE_PLACEHOLDER.test(uri))
          .map((uri) => `${c.clientId}: ${uri} is not a bare placeholder`),
      );
      const local = /localhost|127\.0\.0\.1|\[::1\]/.test(text) ? ['the file mentions localhost'] : [];
      return [...literal, ...local];
    },
  },
  {
    id: 'login-languages',
    summary: `internationalization on with the console's languages (${CONSOLE_LOCALES.join(', ')}), English by default, and a name for every language Keycloak has none for`,
    appliesTo: ['dev', 'production'],
    check: ({ imported }) => {
      const problems: string[] = [];
      if (imported.internationalizationEnabled !== true) problems.push('internationalizationEnabled is not true');
      const supported = imported.supportedLocales ?? [];
      problems.push(...CONSOLE_LOCALES.filter((l) => !supported.includes(l)).map((l) => `locale ${l} not supported`));
      if (imported.defaultLocale !== 'en') problems.push(`defaultLocale is ${imported.defaultLocale ?? 'unset'}, not en`);
      for (const unnamed of LOCALES_WITHOUT_THEME_LABEL.filter((l) => supported.includes(l))) {
        problems.push(
          ...supported
            .filter((l) => !imported.localizationTexts?.[l]?.[`locale_${unnamed}`]?.trim())
            .map((l) => `no locale_${unnamed} text for ${l}`),
        );
      }
      return problems;
    },
  },
  {
    id: 'two-factor-flow',
    summary: `production: the browser flow asks for a one-time code (REQUIRED OTP form) after the password of every user with ${TWO_FACTOR_ROLE}, sends those without an authenticator app to set one up (CONFIGURE_TOTP on), and uses nothing that could stand in for it`,
    appliesTo: ['production'],
    check: ({ imported }) => {
      const problems = twoFactorFlowProblems(imported);
      const configureTotp = imported.requiredActions?.find((a) => a.alias === 'CONFIGURE_TOTP');
      // Unset: Keycloak's import enables its default required actions, CONFIGURE_TOTP among them.
      if (imported.requiredActions !== undefined && configureTotp?.enabled !== true) problems.push('required action CONFIGURE_TOTP is not enabled');
      return problems;
    },
  },
  {
    id: 'two-factor-roles',
    summary: `production: ${TWO_FACTOR_ROLE} exists, and every role that can read restricted or confidential concerns (canReadConcern in @rd/auth-core) includes it as a composite`,
    appliesTo: ['production'],
    check: ({ imported }) => {
      const roles = imported.roles?.realm ?? [];
      const marker = roles.find((role) => role.name === TWO_FACTOR_ROLE);
      const problems: string[] = [];
      if (!marker) problems.push(`no realm role ${TWO_FACTOR_ROLE}`);
      else if (marker.composite === true || (marker.composites?.realm ?? []).length > 0) problems.push(`${TWO_FACTOR_ROLE} must not include other roles`);
      for (const name of rolesThatReadProtectedConcerns()) {
        const role = roles.find((r) => r.name === name);
        if (!role) problems.push(`${name}: no such realm role`);
        else if (role.composite !== true || !role.composites?.realm?.includes(TWO_FACTOR_ROLE)) problems.push(`${name}: reads restricted or confidential concerns but does not include ${TWO_FACTOR_ROLE}`);
      }
      return problems;
    },
  },
  {
    id: 'otp-policy',
    summary: 'production: TOTP, HMAC-SHA1, 6 digits, 30 s, each code used once (what common authenticator apps expect)',
    appliesTo: ['production'],
    check: ({ imported }) => {
      const expected = { ...PRODUCTION_OTP_POLICY } as Record<string, unknown>;
      const actual = imported as unknown as Record<string, unknown>;
      return Object.keys(expected)
        .filter((key) => key !== 'otpPolicyInitialCounter' && actual[key] !== expected[key])
        .map((key) => `${key} is ${String(actual[key] ?? 'unset')}, not ${String(expected[key])}`);
    },
  },
  {
    id: 'dev-logins-without-two-factor',
    summary: `dev: demo users sign in with their password alone (Keycloak's built-in browser flow, no ${TWO_FACTOR_ROLE}, no OTP set-up pending)`,
    appliesTo: ['dev'],
    check: ({ imported }) => {
      const problems: string[] = [];
      if (imported.browserFlow !== undefined && imported.browserFlow !== 'browser') problems.push(`browserFlow is ${imported.browserFlow}, not Keycloak's built-in browser`);
      for (const flow of imported.authenticationFlows ?? []) {
        if (flow.authenticationExecutions.some((e) => e.authenticator === AUTHENTICATORS.otpForm && isOn(e))) problems.push(`flow ${flow.alias} asks for OTP`);
      }
      if ((imported.roles?.realm ?? []).some((role) => role.name === TWO_FACTOR_ROLE)) problems.push(`realm role ${TWO_FACTOR_ROLE} exists`);
      for (const user of imported.users ?? []) {
        if ((user.requiredActions ?? []).includes('CONFIGURE_TOTP')) problems.push(`${user.username}: CONFIGURE_TOTP pending`);
        if ((user.realmRoles ?? []).includes(TWO_FACTOR_ROLE)) problems.push(`${user.username}: holds ${TWO_FACTOR_ROLE}`);
      }
      return problems;
    },
  },
];

/** Every violation of every rule that applies to the realm's kind. */
export function lintRealm(realm: LintedRealm): Array<{ rule: string; problem: string }> {
  return REALM_RULES.filter((rule) => rule.appliesTo.includes(realm.kind)).flatMap((rule) =>
    rule.check(realm).map((problem) => ({ rule: rule.id, problem })),
  );
}
