import { canReadConcern } from '@rd/auth-core';
import { ROLES, type Actor, type Role, type Sensitivity } from '@rd/contracts';
import type { RealmAuthenticationFlow, RealmAuthenticatorConfig, RealmFlowExecution } from './realm';

/**
 * Two-factor sign-in in the production realm (docs/adr/0025-two-factor-sign-in.md): Keycloak's own TOTP, asked
 * after the password of everyone whose role can read restricted or confidential concern text.
 */

/** Sensitivities whose text only some roles may read. */
export const PROTECTED_SENSITIVITIES: readonly Sensitivity[] = ['restricted', 'confidential'];

/**
 * The roles that can read restricted or confidential concern text, asked of the one rule itself
 * (`canReadConcern` in @rd/auth-core) rather than copied from it: a probe user of each role, with the
 * concern's district in scope and named as its handler, either may read a restricted or confidential
 * concern or not. Today: national-coordinator, ngo-admin, police-officer, local-government (a handler of a
 * confidential concern); never regional-reviewer.
 */
export function rolesThatReadProtectedConcerns(): Role[] {
  const probe = (role: Role): Actor => ({
    userId: 'two-factor-probe',
    username: 'two-factor-probe',
    roles: [role],
    scope: { national: false, regions: ['probe-region'], districts: ['probe-district'] },
  });
  return ROLES.filter((role) =>
    PROTECTED_SENSITIVITIES.some((sensitivity) =>
      canReadConcern(probe(role), {
        regionCode: 'probe-region',
        districtCode: 'probe-district',
        sensitivity,
        handlerIds: ['two-factor-probe'],
      }),
    ),
  );
}

/** Realm role held (as a composite child) by every role that must sign in with a second factor. */
export const TWO_FACTOR_ROLE = 'two-factor-required';
export const TWO_FACTOR_ROLE_DESCRIPTION =
  'Technical role: sign-in asks for a one-time code from an authenticator app (TOTP) after the password. Part of every role that can read restricted or confidential concerns; never assign it to a user directly.';

/** Keycloak's authenticator ids (26.7.3) used by the production browser flow. */
export const AUTHENTICATORS = {
  cookie: 'auth-cookie',
  identityProviderRedirector: 'identity-provider-redirector',
  usernamePasswordForm: 'auth-username-password-form',
  otpForm: 'auth-otp-form',
  userRoleCondition: 'conditional-user-role',
  userConfiguredCondition: 'conditional-user-configured',
} as const;
/** Config keys of `conditional-user-role` (ConditionalRoleAuthenticatorFactory). */
export const USER_ROLE_CONDITION_KEYS = { role: 'condUserRole', negate: 'negate' } as const;

export const TWO_FACTOR_BROWSER_FLOW = 'rd browser with two-factor';
export const TWO_FACTOR_FORMS_FLOW = 'rd forms with two-factor';
export const TWO_FACTOR_BY_ROLE_FLOW = 'rd two-factor by role';
export const TWO_FACTOR_WHEN_ENROLLED_FLOW = 'rd two-factor when enrolled';
export const TWO_FACTOR_ROLE_CONFIG = 'rd two-factor role';
export const NOT_TWO_FACTOR_ROLE_CONFIG = 'rd not two-factor role';

/**
 * TOTP as common authenticator apps (FreeOTP, Google and Microsoft Authenticator) expect it: HMAC-SHA1, 6 digits,
 * 30 s, one step of clock drift either way, a code used once.
 */
export const PRODUCTION_OTP_POLICY = {
  otpPolicyType: 'totp',
  otpPolicyAlgorithm: 'HmacSHA1',
  otpPolicyInitialCounter: 0,
  otpPolicyDigits: 6,
  otpPolicyLookAheadWindow: 1,
  otpPolicyPeriod: 30,
  otpPolicyCodeReusable: false,
} as const;

const execution = (authenticator: string, requirement: RealmFlowExecution['requirement'], priority: number, authenticatorConfig?: string): RealmFlowExecution => ({
  authenticator,
  ...(authenticatorConfig ? { authenticatorConfig } : {}),
  authenticatorFlow: false,
  requirement,
  priority,
  userSetupAllowed: false,
});
const subflow = (flowAlias: string, requirement: RealmFlowExecution['requirement'], priority: number): RealmFlowExecution => ({
  flowAlias,
  authenticatorFlow: true,
  requirement,
  priority,
  userSetupAllowed: false,
});
const flow = (alias: string, description: string, topLevel: boolean, authenticationExecutions: RealmFlowExecution[]): RealmAuthenticationFlow => ({
  alias,
  description,
  providerId: 'basic-flow',
  topLevel,
  builtIn: false,
  authenticationExecutions,
});

/** Configs of the two role conditions (by alias, as a realm file refers to them). */
export const TWO_FACTOR_AUTHENTICATOR_CONFIG: readonly RealmAuthenticatorConfig[] = [
  { alias: TWO_FACTOR_ROLE_CONFIG, config: { [USER_ROLE_CONDITION_KEYS.role]: TWO_FACTOR_ROLE, [USER_ROLE_CONDITION_KEYS.negate]: 'false' } },
  { alias: NOT_TWO_FACTOR_ROLE_CONFIG, config: { [USER_ROLE_CONDITION_KEYS.role]: TWO_FACTOR_ROLE, [USER_ROLE_CONDITION_KEYS.negate]: 'true' } },
];

/**
 * Keycloak's browser flow (cookie, identity provider redirector, username and password) with the second factor
 * decided by role: a user holding `two-factor-required` must pass the OTP form, and one without an authenticator
 * app yet is sent to set one up (OTP Form adds CONFIGURE_TOTP when the user has no OTP credential). Anyone else is
 * asked for a code only if they enrolled an app of their own accord, as Keycloak's built-in browser flow does.
 * Kerberos and organizations are left out (not used). Keycloak's own flows stay: its import adds every built-in
 * flow to a realm whose file lists only some (checked with 26.7.3 by libs/devstack/test/two-factor.integration-spec.ts).
 */
export const TWO_FACTOR_FLOWS: readonly RealmAuthenticationFlow[] = [
  flow(TWO_FACTOR_BROWSER_FLOW, 'Browser sign-in; a one-time code after the password for every role that can read restricted or confidential concerns.', true, [
    execution(AUTHENTICATORS.cookie, 'ALTERNATIVE', 10),
    execution(AUTHENTICATORS.identityProviderRedirector, 'ALTERNATIVE', 25),
    subflow(TWO_FACTOR_FORMS_FLOW, 'ALTERNATIVE', 30),
  ]),
  flow(TWO_FACTOR_FORMS_FLOW, 'Username and password, then the second factor.', false, [
    execution(AUTHENTICATORS.usernamePasswordForm, 'REQUIRED', 10),
    subflow(TWO_FACTOR_BY_ROLE_FLOW, 'CONDITIONAL', 20),
    subflow(TWO_FACTOR_WHEN_ENROLLED_FLOW, 'CONDITIONAL', 30),
  ]),
  flow(TWO_FACTOR_BY_ROLE_FLOW, `OTP for users holding ${TWO_FACTOR_ROLE}; those without an authenticator app set one up first.`, false, [
    execution(AUTHENTICATORS.userRoleCondition, 'REQUIRED', 10, TWO_FACTOR_ROLE_CONFIG),
    execution(AUTHENTICATORS.otpForm, 'REQUIRED', 20),
  ]),
  flow(TWO_FACTOR_WHEN_ENROLLED_FLOW, `OTP for users without ${TWO_FACTOR_ROLE} who enrolled an authenticator app anyway.`, false, [
    execution(AUTHENTICATORS.userRoleCondition, 'REQUIRED', 10, NOT_TWO_FACTOR_ROLE_CONFIG),
    execution(AUTHENTICATORS.userConfiguredCondition, 'REQUIRED', 20),
    execution(AUTHENTICATORS.otpForm, 'REQUIRED', 30),
  ]),
];
