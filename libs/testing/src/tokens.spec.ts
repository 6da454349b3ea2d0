import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoPassword, getToken, getTokenResponse, TokenRequestError } from './tokens';

// A stand-in token endpoint: the real Keycloak is exercised in libs/devstack's integration spec.
describe(getTokenResponse.name, () => {
  let server: Server;
  let keycloakUrl: string;
  let lastRequest: { url?: string; body: URLSearchParams } | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        lastRequest = { url: req.url, body: form };
        res.setHeader('content-type', 'application/json');
        if (form.get('password') === 'right') {
          res.end(JSON.stringify({ access_token: 'a.b.c', id_token: 'i.d.t', refresh_token: 'r', expires_in: 300, token_type: 'Bearer' }));
        } else {
          res.statusCode = 400; // what Keycloak 26.7 answers for invalid_grant
          res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid user credentials' }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    keycloakUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should post a password grant for rd-test-cli to the realm token endpoint', async () => {
    const tokens = await getTokenResponse('ngo.isfara', 'right', { keycloakUrl });
    expect(tokens).toEqual(expect.objectContaining({ access_token: 'a.b.c', id_token: 'i.d.t', refresh_token: 'r' }));
    expect(lastRequest?.url).toBe('/realms/reporting-days/protocol/openid-connect/token');
    expect(Object.fromEntries(lastRequest?.body ?? [])).toEqual({
      grant_type: 'password',
      client_id: 'rd-test-cli',
      username: 'ngo.isfara',
      password: 'right',
      scope: 'openid',
    });
  });

  it('should return only the access token from getToken', async () => {
    await expect(getToken('ngo.isfara', 'right', { keycloakUrl })).resolves.toBe('a.b.c');
  });

  it('should use the demo password when none is given', async () => {
    await expect(getToken('ngo.isfara', undefined, { keycloakUrl })).rejects.toThrow(TokenRequestError);
    expect(lastRequest?.body.get('password')).toBe(demoPassword());
  });

  it('should throw a TokenRequestError with the OAuth error when refused', async () => {
    const refused = getTokenResponse('ngo.isfara', 'wrong', { keycloakUrl });
    await expect(refused).rejects.toMatchObject({ status: 400, error: 'invalid_grant', errorDescription: 'Invalid user credentials' });
  });

  describe('demoPassword', () => {
    it('should default to the documented demo password and follow RD_DEMO_PASSWORD', () => {
      expect(demoPassword({})).toBe('demo-password-1');
      expect(demoPassword({ RD_DEMO_PASSWORD: 'other' })).toBe('other');
    });
  });
});
