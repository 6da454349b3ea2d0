/**
 * Keycloak's Admin REST API as the bootstrap admin of the master realm (`KC_BOOTSTRAP_ADMIN_*`; dev stack only, on
 * loopback): `json` reads, `send` writes; any other answer than 2xx throws with the status.
 */
export async function bootstrapAdmin(baseUrl: string, username: string, password: string) {
  const response = await fetch(`${baseUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username, password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`the bootstrap admin could not sign in to ${baseUrl} (${response.status})`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!answer.ok) throw new Error(`Keycloak answered ${answer.status} to ${method} ${path}: ${(await answer.text()).slice(0, 200)}`);
    return answer;
  };
  return {
    json: async <T>(path: string): Promise<T> => (await (await call('GET', path)).json()) as T,
    send: async (method: string, path: string, body?: unknown): Promise<void> => void (await (await call(method, path, body)).text()),
  };
}
