import { devstackConfig } from '@rd/devstack';
import { e2eEnv } from './e2e-env';
import { forgetToken } from './http';

const REALM = 'reporting-days';

interface UserRepresentation {
  id: string;
  attributes?: Record<string, string[]>;
  [key: string]: unknown;
}

/** Keycloak's admin REST API as the dev stack's bootstrap admin (loopback, dev realm only). */
async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const base = e2eEnv().keycloakUrl;
  const login = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: devstackConfig().adminPassword }),
  });
  if (!login.ok) throw new Error(`the Keycloak bootstrap admin could not sign in (${login.status})`);
  const { access_token: token } = (await login.json()) as { access_token: string };
  const response = await fetch(`${base}/admin/realms/${REALM}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sets (or with null removes) the organisation of a realm user and returns the one it had; the cached token is dropped.
 * A console page signed in before keeps its token: sign in after the change.
 */
export async function setUserOrganisation(username: string, organisationId: string | null): Promise<string | null> {
  const [found] = await adminCall<UserRepresentation[]>('GET', `/users?exact=true&username=${encodeURIComponent(username)}`);
  if (!found) throw new Error(`no user ${username} in the realm`);
  // The whole representation goes back: the user profile checks it as a whole.
  const user = await adminCall<UserRepresentation>('GET', `/users/${found.id}`);
  const previous = user.attributes?.organisation?.[0] ?? null;
  const attributes = { ...(user.attributes ?? {}) };
  if (organisationId) attributes.organisation = [organisationId];
  else delete attributes.organisation;
  await adminCall('PUT', `/users/${found.id}`, { ...user, attributes });
  forgetToken(username);
  return previous;
}

/**
 * Notes the organisations of `usernames` now and returns what gives them back (for a spec that seeds the demo
 * memberships, as `npm start` does, and must leave the shared demo users as it found them).
 */
export async function keepOrganisations(usernames: readonly string[]): Promise<() => Promise<void>> {
  const before = new Map<string, string | null>();
  for (const username of usernames) {
    const [found] = await adminCall<UserRepresentation[]>('GET', `/users?exact=true&username=${encodeURIComponent(username)}`);
    if (!found) throw new Error(`no user ${username} in the realm`);
    before.set(username, (await adminCall<UserRepresentation>('GET', `/users/${found.id}`)).attributes?.organisation?.[0] ?? null);
  }
  return async () => {
    for (const [username, organisationId] of before) await setUserOrganisation(username, organisationId);
  };
}

/**
 * Runs `fn` while `username` belongs to `organisationId` (the user attribute `organisation`, the token claim
 * `organisation`; ADR 33, 34), then gives the user back the organisation it had. Specs create their own organisations,
 * which the demo users' tokens do not name: an approval of minutes, for one, needs the organiser's membership.
 * Tokens are fetched afresh on both sides; specs run one at a time (maxWorkers 1), so no other spec sees the change.
 */
export async function asMemberOf<T>(username: string, organisationId: string, fn: () => Promise<T>): Promise<T> {
  const previous = await setUserOrganisation(username, organisationId);
  try {
    return await fn();
  } finally {
    await setUserOrganisation(username, previous);
  }
}
