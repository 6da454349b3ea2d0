/** The parts of a Keycloak realm export that the realm lint and tools look at. */
export interface RealmProtocolMapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, string>;
}

export interface RealmClient {
  clientId: string;
  name?: string;
  description?: string;
  enabled?: boolean;
  rootUrl?: string;
  publicClient?: boolean;
  bearerOnly?: boolean;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  /** `client-secret` for a confidential client. */
  clientAuthenticatorType?: string;
  /** A confidential client's secret: a `${NAME}` placeholder, never a literal in production. */
  secret?: string;
  fullScopeAllowed?: boolean;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  defaultClientScopes?: string[];
  optionalClientScopes?: string[];
  protocolMappers?: RealmProtocolMapper[];
}

export interface RealmGroup {
  name: string;
  path?: string;
  attributes?: Record<string, string[]>;
  subGroups?: RealmGroup[];
}

export interface RealmUser {
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled?: boolean;
  emailVerified?: boolean;
  requiredActions?: string[];
  realmRoles?: string[];
  groups?: string[];
  credentials?: Array<{ type: string; value: string; temporary?: boolean }>;
  /** Set on a client's service account user (`service-account-<clientId>`): whose service account it is. */
  serviceAccountClientId?: string;
  /** Client roles by client id, e.g. `{ "realm-management": ["view-users"] }`. */
  clientRoles?: Record<string, string[]>;
  attributes?: Record<string, string[]>;
}

/** A client's service account user, as opposed to a person. */
export const isServiceAccount = (user: RealmUser): boolean => user.serviceAccountClientId !== undefined;

export interface RealmRole {
  name: string;
  description?: string;
  composite?: boolean;
  /** Roles this one includes: a user holding it holds them too (and Keycloak's role conditions see them). */
  composites?: { realm?: string[] };
}

/** One step of an authentication flow, as a realm export writes it. */
export interface RealmFlowExecution {
  /** An authenticator's provider id (`auth-otp-form`), or unset for a subflow. */
  authenticator?: string;
  /** Alias of an `authenticatorConfig` entry. */
  authenticatorConfig?: string;
  /** Alias of the subflow when `authenticatorFlow`. */
  flowAlias?: string;
  authenticatorFlow: boolean;
  requirement: 'REQUIRED' | 'ALTERNATIVE' | 'CONDITIONAL' | 'DISABLED';
  priority: number;
  userSetupAllowed?: boolean;
}

export interface RealmAuthenticationFlow {
  alias: string;
  description?: string;
  providerId: string;
  topLevel: boolean;
  builtIn: boolean;
  authenticationExecutions: RealmFlowExecution[];
}

export interface RealmAuthenticatorConfig {
  alias: string;
  config: Record<string, string>;
}

export interface RealmRepresentation {
  realm: string;
  enabled?: boolean;
  sslRequired?: string;
  registrationAllowed?: boolean;
  verifyEmail?: boolean;
  resetPasswordAllowed?: boolean;
  /** Keycloak's policy string, e.g. `length(12) and notUsername`. */
  passwordPolicy?: string;
  accessTokenLifespan?: number;
  bruteForceProtected?: boolean;
  internationalizationEnabled?: boolean;
  supportedLocales?: string[];
  defaultLocale?: string;
  /** Realm-level message overrides per locale (they win over the theme's messages). */
  localizationTexts?: Record<string, Record<string, string>>;
  eventsEnabled?: boolean;
  eventsExpiration?: number;
  adminEventsEnabled?: boolean;
  adminEventsDetailsEnabled?: boolean;
  otpPolicyType?: string;
  otpPolicyAlgorithm?: string;
  otpPolicyDigits?: number;
  otpPolicyPeriod?: number;
  otpPolicyLookAheadWindow?: number;
  otpPolicyCodeReusable?: boolean;
  roles?: { realm?: RealmRole[] };
  groups?: RealmGroup[];
  clients?: RealmClient[];
  users?: RealmUser[];
  /** Components by provider type; the declarative user profile is `org.keycloak.userprofile.UserProfileProvider`. */
  components?: Record<string, Array<{ providerId: string; subComponents?: Record<string, unknown>; config?: Record<string, string[]> }>>;
  /** Alias of the flow that signs users in through the browser (Keycloak's built-in `browser` when unset). */
  browserFlow?: string;
  /** Flows defined by the file; Keycloak's import adds its built-in ones besides (26.7.3). */
  authenticationFlows?: RealmAuthenticationFlow[];
  authenticatorConfig?: RealmAuthenticatorConfig[];
  /** Required actions; when unset Keycloak's import enables its defaults (CONFIGURE_TOTP among them). */
  requiredActions?: Array<{ alias: string; providerId?: string; enabled?: boolean; defaultAction?: boolean }>;
}

/**
 * `${NAME}` or `${NAME:default}`, as Keycloak's realm import resolves them (first `:` splits off the default). Only
 * SCREAMING_SNAKE names are ours: `${username}` in the user profile is a theme message key, which Keycloak's import
 * leaves as it is (no such variable).
 */
const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g;

/** Every placeholder of a realm file, with its default if any. */
export function realmPlaceholders(text: string): Array<{ name: string; fallback: string | undefined }> {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ name: match[1], fallback: match[2] }));
}

/**
 * Resolves placeholders the way Keycloak's import does (environment first, then the default; unknown ones
 * stay as they are). Keycloak does this itself at import; this copy lets tests see the imported values.
 */
export function expandRealmPlaceholders(text: string, env: Record<string, string | undefined>): string {
  return text.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => env[name] ?? fallback ?? whole);
}

/** Full paths (`/sughd/isfara`) of every group in the tree. */
export function groupPaths(groups: readonly RealmGroup[] = [], parent = ''): string[] {
  return groups.flatMap((group) => {
    const path = `${parent}/${group.name}`;
    return [path, ...groupPaths(group.subGroups ?? [], path)];
  });
}
