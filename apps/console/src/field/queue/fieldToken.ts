import type Keycloak from 'keycloak-js';

type Session = Pick<Keycloak, 'authenticated' | 'token' | 'updateToken'>;

/**
 * The sender's `token()` from keycloak-js: the access token, refreshed when it is about to expire, or null when a
 * fresh sign-in is needed (no session after an offline start, refresh refused). Never sends the page to Keycloak
 * itself, as `freshToken` does: the indicator says "sign in again" and the user chooses when.
 */
export function keycloakFieldToken(keycloak: Session | null | undefined): () => Promise<string | null> {
  return async () => {
    if (!keycloak?.authenticated) return null;
    try {
      await keycloak.updateToken(30);
    } catch {
      return null;
    }
    return keycloak.token ?? null;
  };
}
