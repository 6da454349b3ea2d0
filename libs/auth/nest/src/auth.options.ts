export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** e.g. http://localhost:8180/realms/reporting-days — must equal the token's `iss`. */
  issuerUrl: string;
  /** Audience the gateway requires (`rd-gateway`). */
  audience: string;
  /** Clients (`azp`) whose tokens are accepted. */
  allowedClients: readonly string[];
  clockToleranceSeconds?: number;
  /** JWKS URL; defaults to the issuer's OpenID Connect certs endpoint. */
  jwksUrl?: string;
  /** How often the key set is refetched even without an unknown `kid` (default 300 s). */
  jwksRefreshSeconds?: number;
}
