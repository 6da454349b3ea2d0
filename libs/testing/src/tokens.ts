/** Realm of the platform; see infra/keycloak/reporting-days-realm.json. */
export const DEMO_REALM = 'reporting-days';
/** Public test-only client that allows the password grant (dev realm only). */
export const TEST_CLIENT_ID = 'rd-test-cli';
export const DEFAULT_KEYCLOAK_URL = 'http://localhost:8180';
export const DEFAULT_DEMO_PASSWORD = 'demo-password-1';

/** Password of every demo user: `RD_DEMO_PASSWORD`, else the documented demo default. */
 
export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.RD_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

export interface GetTokenOptions {
  /** Keycloak base URL, e.g. `http://localhost:8180` (the default). */
  keycloakUrl?: string;
  /** Default `rd-test-cli`, the only client with direct access grants. */
  clientId?: string;
  realm?: string;
  /** Default `openid`, so an id_token comes back too. */
  scope?: string;
}

/** The OAuth 2.0 token endpoint response of Keycloak. */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
  refresh_token?: string;
  refresh_expires_in?: number;
  id_token?: string;
  scope?: string;
  session_state?: string;
}

/** The token endpoint refused the request (e.g. 401 `invalid_grant` for a wrong password). */
export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: string | undefined,
    readonly errorDescription: string | undefined,
  ) {
    super(`token request failed: HTTP ${status} ${error ?? ''}${errorDescription ? ` (${errorDescription})` : ''}`.trim());
    this.name = 'TokenRequestError';
  }
}

/**
 * Logs a demo user in with the password grant against the real Keycloak and returns the whole token
 * response (access, refresh and id tokens). Test code only: the grant exists on `rd-test-cli` in the dev realm.
 */
export async function getTokenResponse(username: string, password?: string, options: GetTokenOptions = {}): Promise<TokenResponse> {
  const keycloakUrl = (options.keycloakUrl ?? DEFAULT_KEYCLOAK_URL).replace(/\/+$/, '');
  const realm = options.realm ?? DEMO_REALM;
  const response = await fetch(`${keycloakUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: options.clientId ?? TEST_CLIENT_ID,
      username,
      password: password ?? demoPassword(),
      scope: options.scope ?? 'openid',
    }),
    signal: AbortSignal.timeout(15000),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: reported below with the status
  }
  if (!response.ok || typeof body.access_token !== 'string') {
    const error = typeof body.error === 'string' ? body.error : undefined;
    const description = typeof body.error_description === 'string' ? body.error_description : text.slice(0, 200) || undefined;
    throw new TokenRequestError(response.status, error, description);
  }
  return body as unknown as TokenResponse;
}

/** Logs a demo user in (password grant) and returns the access token. */
export async function getToken(username: string, password?: string, options: GetTokenOptions = {}): Promise<string> {
  return (await getTokenResponse(username, password, options)).access_token;
}
