import type Keycloak from 'keycloak-js';
import type { AuthProvider } from 'react-admin';
import { forgetUser } from '../field/deviceIdentity';
import { canAccess } from './canAccess';
import { appRoot } from './keycloak';
import { organisationFromToken, permissionsFromToken, rolesFromToken } from './permissionsFromToken';

/** react-admin auth on top of an initialised keycloak-js client (see ra-keycloak for the pattern). */
export function keycloakAuthProvider(keycloak: Keycloak): AuthProvider {
  return {
    async login() {
      await keycloak.login({ redirectUri: appRoot() });
    },
    async logout(params?: unknown) {
      // The sign-out button calls logout(null); react-admin's own logouts after a refused check pass `{}`. Only the
      // user's own sign-out clears what they kept on the device (ADR 48): a hiccup must not wipe a day's work.
      const sub = keycloak.tokenParsed?.sub;
      if (params == null && sub) await forgetUser(sub).catch((error: unknown) => console.warn('The device could not forget the user', error));
      if (keycloak.authenticated) await keycloak.logout({ redirectUri: appRoot() });
      // Keycloak takes over the page; react-admin must not navigate to its own /login.
      return false;
    },
    async checkAuth() {
      if (!keycloak.authenticated) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: { status?: number }) {
      // 401 after a refreshed token means the gateway no longer accepts this session: sign out.
      // 403 stays signed in; the notification shows the problem detail.
      if (error?.status === 401) throw error;
    },
    async getIdentity() {
      const token = keycloak.tokenParsed;
      if (!token?.sub) throw new Error('ra.auth.auth_check_error');
      return { id: token.sub, fullName: String(token.preferred_username ?? token.sub), roles: rolesFromToken(token), organisationId: organisationFromToken(token) };
    },
    async getPermissions() {
      return permissionsFromToken(keycloak.tokenParsed);
    },
    async canAccess({ resource, action }) {
      return canAccess(permissionsFromToken(keycloak.tokenParsed), { resource, action });
    },
  };
}
