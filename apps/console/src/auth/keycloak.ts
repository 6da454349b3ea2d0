import Keycloak from 'keycloak-js';
import type { ConsoleConfig } from '../config';

const RETURN_TO_KEY = 'rd-console.returnTo';

/** Keycloak redirects back to the app root: react-admin's hash router owns the fragment, not the OIDC callback. */
export const appRoot = (): string => `${window.location.origin}/`;

/**
 * Signs the user in before anything renders (login-required, authorization code + PKCE). keycloak-js reads the
 * callback from the URL and cleans it, so the hash router starts on a clean `#/`; a deep link the user opened
 * before signing in is kept in sessionStorage and restored afterwards.
 */
export async function startKeycloak(config: ConsoleConfig, locale?: string): Promise<Keycloak> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  if (window.location.hash.startsWith('#/') && window.location.hash.length > 2) {
    sessionStorage.setItem(RETURN_TO_KEY, window.location.hash);
  }
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    redirectUri: appRoot(),
    // Shows the Keycloak login page in the language the user last picked in the console.
    locale,
  });
  const returnTo = sessionStorage.getItem(RETURN_TO_KEY);
  if (returnTo) {
    sessionStorage.removeItem(RETURN_TO_KEY);
    window.history.replaceState(window.history.state, '', `${appRoot()}${returnTo}`);
  }
  return keycloak;
}

/** A fresh access token for the next API call; sends the user to Keycloak when the session has ended. */
export async function freshToken(keycloak: Keycloak): Promise<string> {
  try {
    await keycloak.updateToken(30);
  } catch {
    await keycloak.login({ redirectUri: appRoot() });
  }
  if (!keycloak.token) throw new Error('ra.auth.auth_check_error');
  return keycloak.token;
}
