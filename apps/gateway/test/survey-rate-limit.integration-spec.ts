import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureKeycloak, type KeycloakHandle } from '@rd/devstack';
import { connectTestNats, deleteStreamsWithPrefix, testSubjectPrefix } from '@rd/testing';
import { createGateway } from '../src/bootstrap';
import { loadConfig } from '../src/config';

// Only the gateway runs: the answers that pass the limit find no meetings service (503); the limit is what is shown.
describe('the public survey answers limit per network address (ADR 46)', () => {
  let keycloak: KeycloakHandle;
  let app: NestFastifyApplication;
  const prefix = testSubjectPrefix();

  beforeAll(async () => {
    keycloak = await ensureKeycloak({ log: () => undefined });
    const config = loadConfig({ GATEWAY_PORT: '0', NATS_SUBJECT_PREFIX: prefix, KEYCLOAK_ISSUER_URL: keycloak.issuerUrl, RATE_LIMIT_SURVEY_ANSWERS_PER_IP: '2', RPC_TIMEOUT_MS: '1000' });
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

  const answer = (remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/v1/public/surveys/ABCDEFGHIJ/answers', remoteAddress, payload: { usefulness: 5, trustInPolice: 5, wouldContactPoliceFirst: true } });

  it('should answer 429 problem+json with Retry-After beyond the budget of one address, and leave other addresses and routes alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await answer('10.0.0.7')).statusCode);
    expect(statuses.slice(0, 2).every((status) => status !== 429)).toBe(true);
    const limited = await answer('10.0.0.7');
    expect(statuses[2]).toBe(429);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'request.rate-limited' });
    expect((await answer('10.0.0.8')).statusCode).not.toBe(429);
    // The named throttler counts answers only: reading the form from the same address still works.
    expect((await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '10.0.0.7' })).statusCode).not.toBe(429);
  });
});
