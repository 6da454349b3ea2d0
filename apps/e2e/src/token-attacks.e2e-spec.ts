import { ProblemDetailsSchema } from '@rd/contracts';
import { getTokenResponse, type TokenResponse } from '@rd/testing';
import { e2eEnv } from './support/e2e-env';

/** Calls an authenticated route with a raw Authorization header value. */
async function withAuthorization(value: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${e2eEnv().gatewayUrl}/me`, { headers: { Authorization: value } });
  return { status: response.status, body: await response.json() };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tokens the gateway must refuse (real Keycloak)', () => {
  let tokens: TokenResponse;
  let genericBody: unknown;

  beforeAll(async () => {
    tokens = await getTokenResponse('ngo.isfara', undefined, { keycloakUrl: e2eEnv().keycloakUrl });
    const missing = await fetch(`${e2eEnv().gatewayUrl}/me`);
    genericBody = { ...((await missing.json()) as object), correlationId: undefined };
  });

  it('should accept the real access token', async () => {
    const response = await withAuthorization(`Bearer ${tokens.access_token}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'ngo.isfara', roles: ['ngo-admin'], scope: { districts: ['isfara'] } });
  });

  it.each([
    ['an ID token', () => tokens.id_token ?? 'missing-id-token'],
    ['a refresh token', () => tokens.refresh_token ?? 'missing-refresh-token'],
    ['a malformed token', () => 'abc.def'],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${tokens.access_token.split('.')[1]}.`],
    ['a tampered payload', () => {
      const [h, p, s] = tokens.access_token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      claims.realm_access = { roles: ['national-coordinator'] };
      return `${h}.${b64(claims)}.${s}`;
    }],
    ['a jku header pointing elsewhere', () => {
      const [h, p, s] = tokens.access_token.split('.');
      const headerClaims = JSON.parse(Buffer.from(h, 'base64url').toString());
      return `${b64({ ...headerClaims, jku: 'http://127.0.0.1:9/keys', kid: 'attacker' })}.${p}.${s}`;
    }],
  ])('should answer 401 with the generic body for %s', async (_name, make) => {
    const response = await withAuthorization(`Bearer ${make()}`);
    expect(response.status).toBe(401);
    expect({ ...ProblemDetailsSchema.parse(response.body), correlationId: undefined }).toEqual(genericBody);
  });

  it('should refuse a token of another realm (master, admin-cli)', async () => {
    const form = new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' });
     
    if (process.env['RD_KEYCLOAK_ADMIN_PASSWORD']) form.set('password', process.env['RD_KEYCLOAK_ADMIN_PASSWORD']);
    const response = await fetch(`${e2eEnv().keycloakUrl}/realms/master/protocol/openid-connect/token`, { method: 'POST', body: form });
    if (response.status !== 200) {
      // A Keycloak reused from elsewhere may have another admin password: nothing to test then.
      expect([400, 401]).toContain(response.status);
      return;
    }
    const { access_token } = (await response.json()) as { access_token: string };
    expect((await withAuthorization(`Bearer ${access_token}`)).status).toBe(401);
  });
});
