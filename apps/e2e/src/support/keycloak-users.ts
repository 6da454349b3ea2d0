import { e2eEnv } from './e2e-env';

/** The dev realm's default secret of the gateway's user-administration client (infra/keycloak/reporting-days-realm.json). */
const USER_ADMIN_CLIENT = { id: 'rd-user-admin', secret: 'dev-user-admin-secret' };

async function adminToken(): Promise<string> {
  const response = await fetch(`${e2eEnv().keycloakUrl}/realms/reporting-days/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: USER_ADMIN_CLIENT.id, client_secret: USER_ADMIN_CLIENT.secret }),
  });
  if (!response.ok) throw new Error(`rd-user-admin could not sign in (${response.status})`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Deletes users a spec created (cleanup), through the same service account the gateway uses; missing ones are fine. */
export async function deleteKeycloakUsers(ids: Iterable<string>): Promise<void> {
  const token = await adminToken();
  for (const id of ids) {
    const response = await fetch(`${e2eEnv().keycloakUrl}/admin/realms/reporting-days/users/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    if (!response.ok && response.status !== 404) throw new Error(`could not delete user ${id} (${response.status})`);
  }
}

/** A Keycloak user id by exact username, or undefined (to find users a failed request may have left). */
export async function keycloakUserId(username: string): Promise<string | undefined> {
  const token = await adminToken();
  const response = await fetch(`${e2eEnv().keycloakUrl}/admin/realms/reporting-days/users?exact=true&username=${encodeURIComponent(username)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`could not look up ${username} (${response.status})`);
  return ((await response.json()) as Array<{ id: string }>)[0]?.id;
}

/**
 * Gives a user the spec created a password and a finished account (email verified, no required actions), so the
 * spec can sign in as them with the password grant without going through the emailed link.
 */
export async function setKeycloakPassword(id: string, password: string): Promise<void> {
  const token = await adminToken();
  const user = `${e2eEnv().keycloakUrl}/admin/realms/reporting-days/users/${encodeURIComponent(id)}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const reset = await fetch(`${user}/reset-password`, { method: 'PUT', headers, body: JSON.stringify({ type: 'password', value: password, temporary: false }) });
  if (!reset.ok) throw new Error(`could not set the password of ${id} (${reset.status})`);
  const finish = await fetch(user, { method: 'PUT', headers, body: JSON.stringify({ emailVerified: true, requiredActions: [] }) });
  if (!finish.ok) throw new Error(`could not finish the account of ${id} (${finish.status})`);
}
