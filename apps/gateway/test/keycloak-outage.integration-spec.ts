import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureKeycloak, type KeycloakHandle } from '@rd/devstack';
import { connectTestNats, deleteStreamsWithPrefix, getToken, testSubjectPrefix } from '@rd/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '../src/bootstrap';
import { loadConfig } from '../src/config';

/**
 * The gateway reaches the real Keycloak's JWKS through a relay this test can cut, standing in for
 * Keycloak becoming unreachable without stopping a Keycloak other suites use.
 */
describe('gateway while Keycloak is unreachable', () => {
  let keycloak: KeycloakHandle;
  let app: NestFastifyApplication;
  // The gateway makes its idempotency bucket (and may make the audit stream) under this prefix: removed after.
  const prefix = testSubjectPrefix();
  let relay: Server;
  let keycloakReachable = true;
  let jwksFetches = 0;

  beforeAll(async () => {
    keycloak = await ensureKeycloak({ log: () => undefined });
    relay = createServer((req, res) => {
      if (!keycloakReachable) {
        req.socket.destroy();
        return;
      }
      jwksFetches += 1;
      fetch(`${keycloak.issuerUrl}/protocol/openid-connect/certs`)
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(await upstream.text());
        })
        .catch(() => req.socket.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/certs`;
    app = await createGateway(
      loadConfig({ NATS_SUBJECT_PREFIX: prefix, KEYCLOAK_ISSUER_URL: keycloak.issuerUrl, KEYCLOAK_JWKS_URL: jwksUrl }),
      { logger: ['error'] },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    const nc = await connectTestNats();
    await deleteStreamsWithPrefix(nc, prefix);
    await nc.close();
    await new Promise<void>((resolve) => relay?.close(() => resolve()));
    await keycloak?.stop();
  });

  const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('should keep accepting tokens signed with known keys, and refuse the rest with 401, never 5xx', async () => {
    const verifiedBefore = await getToken('ngo.isfara', undefined, { keycloakUrl: keycloak.url });
    const notYetSeen = await getToken('police.isfara', undefined, { keycloakUrl: keycloak.url });
    expect((await me(verifiedBefore)).statusCode).toBe(200);
    expect(jwksFetches).toBe(1);

    keycloakReachable = false;
    expect((await me(verifiedBefore)).statusCode).toBe(200);
    expect((await me(notYetSeen)).statusCode).toBe(200);

    const [header, payload, signature] = notYetSeen.split('.');
    const unknownKid = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), kid: 'rotated-key' })).toString('base64url');
    const statuses = await Promise.all(Array.from({ length: 20 }, () => me(`${unknownKid}.${payload}.${signature}`).then((r) => r.statusCode)));
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(jwksFetches).toBe(1);
  });
});
