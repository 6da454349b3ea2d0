import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Actor } from '@rd/contracts';
import { isRole, scopeFromGroups } from '@rd/auth-core';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';

export class InvalidTokenError extends Error {}

interface KeycloakClaims extends JWTPayload {
  typ?: string;
  azp?: string;
  preferred_username?: string;
  realm_access?: { roles?: unknown };
  groups?: unknown;
  organisation?: unknown;
}

const MAX_CACHED_TOKENS = 10_000;
export const DEFAULT_JWKS_REFRESH_SECONDS = 300;

/**
 * Verifies Keycloak access tokens against the realm's JWKS and turns them into an Actor. The key set is
 * refetched on an unknown `kid` (at most every 30 s) and on a schedule (`jwksRefreshSeconds`, default
 * 5 min), so a key removed from Keycloak stops being accepted within minutes, together with the tokens
 * already verified with it. A failed refresh keeps the last keys: tokens keep verifying while Keycloak is
 * down. Verified tokens are cached until they expire.
 */
@Injectable()
export class TokenVerifier implements OnModuleDestroy {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new Map<string, { actor: Actor; exp: number; kid: string | undefined }>();
  private readonly refreshTimer: NodeJS.Timeout;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    const jwksUrl = options.jwksUrl ?? `${options.issuerUrl}/protocol/openid-connect/certs`;
    // Never stale by age: a refresh that fails (Keycloak down) must not make the known keys unusable.
    this.jwks = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: 30_000,
      cacheMaxAge: Number.POSITIVE_INFINITY,
      timeoutDuration: 5_000,
    });
    const refreshMs = (options.jwksRefreshSeconds ?? DEFAULT_JWKS_REFRESH_SECONDS) * 1000;
    this.refreshTimer = setInterval(() => void this.refreshKeys(), refreshMs);
    this.refreshTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refreshTimer);
  }

  /** Refetches the realm's keys and forgets tokens verified with a key that is gone. Keeps the old keys on failure. */
  async refreshKeys(): Promise<boolean> {
    try {
      await this.jwks.reload();
    } catch {
      return false;
    }
    const kids = new Set((this.jwks.jwks()?.keys ?? []).map((key) => key.kid));
    for (const [token, entry] of this.verified) {
      if (!kids.has(entry.kid)) this.verified.delete(token);
    }
    return true;
  }

  async verify(token: string): Promise<Actor> {
    const now = Math.floor(Date.now() / 1000);
    const cached = this.verified.get(token);
    if (cached && cached.exp > now) return cached.actor;
    if (cached) this.verified.delete(token);

    let claims: KeycloakClaims;
    try {
      const result = await jwtVerify<KeycloakClaims>(token, this.jwks, {
        issuer: this.options.issuerUrl,
        audience: this.options.audience,
        algorithms: ['RS256'],
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      claims = result.payload;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    // ID and refresh tokens are signed by the same keys: only access tokens are accepted.
    if (claims.typ !== 'Bearer') throw new InvalidTokenError('not an access token');
    if (!claims.azp || !this.options.allowedClients.includes(claims.azp)) throw new InvalidTokenError('unknown client');
    if (typeof claims.iat === 'number' && claims.iat > now + (this.options.clockToleranceSeconds ?? 30)) {
      throw new InvalidTokenError('issued in the future');
    }
    const actor = toActor(claims);
    this.remember(token, { actor, exp: claims.exp as number, kid: decodeProtectedHeader(token).kid });
    return actor;
  }

  private remember(token: string, entry: { actor: Actor; exp: number; kid: string | undefined }): void {
    if (this.verified.size >= MAX_CACHED_TOKENS) {
      const oldest = this.verified.keys().next().value;
      if (oldest) this.verified.delete(oldest);
    }
    this.verified.set(token, entry);
  }
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function toActor(claims: KeycloakClaims): Actor {
  const roles = stringArray(claims.realm_access?.roles).filter(isRole);
  return {
    userId: claims.sub as string,
    username: typeof claims.preferred_username === 'string' ? claims.preferred_username : '',
    roles,
    scope: scopeFromGroups(stringArray(claims.groups), roles),
    ...organisationClaim(claims.organisation),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user's organisation (a Keycloak user attribute mapped into the token); anything but one uuid is no organisation. */
function organisationClaim(value: unknown): { organisationId?: string } {
  return typeof value === 'string' && UUID.test(value) ? { organisationId: value.toLowerCase() } : {};
}
