import type { ConsoleConfig } from '../config';

/**
 * Whether Keycloak answers at all. keycloak-js (login-required) would otherwise navigate the whole tab to an
 * unreachable login page and leave the user on the browser's error page instead of the cached console.
 * `no-cors`: an opaque answer is enough to know the server is there, whatever its CORS settings.
 */
export async function keycloakReachable(config: ConsoleConfig, timeoutMs = 8_000): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    await fetch(`${config.keycloakUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(config.realm)}/.well-known/openid-configuration`, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
