import type Keycloak from 'keycloak-js';
import { identityFromToken, saveIdentity } from './deviceIdentity';

/**
 * Keeps who is signed in on the device after sign-in and after every token refresh (the expiry moves), so the next
 * start without network can open the field screen. Best effort: a browser without IndexedDB still runs the console.
 */
export function rememberIdentity(keycloak: Keycloak): void {
  const save = () => {
    const identity = identityFromToken(keycloak.tokenParsed, Date.now());
    if (identity) saveIdentity(identity).catch((error: unknown) => console.warn('The device could not keep the sign-in identity', error));
  };
  save();
  keycloak.onAuthRefreshSuccess = save;
}
