import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureKeycloak, type KeycloakHandle } from '@rd/devstack';
import { connectTestNats, deleteStreamsWithPrefix, getToken, testSubjectPrefix } from '@rd/testing';
import { createGateway } from '../src/bootstrap';
import { loadConfig } from '../src/config';

// Real Keycloak tokens; no service is needed for /me, so only the gateway runs.
describe('gateway rate limits', () => {
  let keycloak: KeycloakHandle;
  let app: NestFastifyApplication;
  // The gateway makes its idempotency bucket (and may make the audit stream) under this prefix: removed after.
  const prefix = testSubjectPrefix();

  beforeAll(async () => {
    keycloak = await ensureKeycloak({ log: () => undefined });
    const config = loadConfig({
      GATEWAY_PORT: '0',
      NATS_SUBJECT_PREFIX: prefix,
      KEYCLOAK_ISSUER_URL: keycloak.issuerUrl,
      RATE_LIMIT_PER_USER: '3',
      RATE_LIMIT_PER_IP: '12',
    });
    app = await createGateway(config, { logger: ['error'] });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    const nc = await connectTestNats();
    await deleteStreamsWithPrefix(nc, prefix);
    await nc.close();
    await keycloak?.stop();
  });

  const me = (token?: string) =>
    app.inject({ method: 'GET', url: '/api/v1/me', headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('should give each user their own budget and answer 429 problem+json with Retry-After beyond it', async () => {
    const ngo = await getToken('ngo.isfara', undefined, { keycloakUrl: keycloak.url });
    const police = await getToken('police.isfara', undefined, { keycloakUrl: keycloak.url });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await me(ngo)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await me(ngo);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests', code: 'request.rate-limited', type: 'https://reporting-days.example/problems/request.rate-limited' });
    expect((await me(police)).statusCode).toBe(200);
  });

  it('should cut a flood from one address before looking at its tokens', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await me('not-a-token')).statusCode);
    // 6 requests above used the address budget of 12 already.
    expect(statuses.filter((s) => s === 401).length).toBe(6);
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
  });
});
