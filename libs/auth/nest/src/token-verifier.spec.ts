import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

type KeyLike = CryptoKey;
import { TokenVerifier } from './token-verifier';

// A local JWKS endpoint stands in for Keycloak here; the e2e suite runs the same checks against the real one.
describe(TokenVerifier.name, () => {
  let server: Server;
  let privateKey: KeyLike;
  let otherKey: KeyLike;
  let jwk: JWK;
  let issuerUrl: string;
  let verifier: TokenVerifier;
  let jwksHits = 0;
  let servedKeys: () => JWK[] | null = () => [jwk];

  beforeAll(async () => {
    ({ privateKey, publicKey: jwk } = await generateKeyPair('RS256').then(async (pair) => ({ privateKey: pair.privateKey, publicKey: await exportJWK(pair.publicKey) })));
    otherKey = (await generateKeyPair('RS256')).privateKey;
    jwk = { ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      jwksHits += 1;
      const keys = servedKeys();
      if (!keys) return void res.writeHead(503).end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/reporting-days`;
    verifier = new TokenVerifier({ issuerUrl, audience: 'rd-gateway', allowedClients: ['rd-console'] });
  });

  afterAll(() => {
    verifier.onModuleDestroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const claims = (overrides: Record<string, unknown> = {}) => ({
    typ: 'Bearer',
    azp: 'rd-console',
    preferred_username: 'ngo.isfara',
    realm_access: { roles: ['ngo-admin', 'offline_access'] },
    groups: ['/sughd/isfara'],
    ...overrides,
  });

  async function sign(payload: Record<string, unknown>, options: { key?: KeyLike; kid?: string; iss?: string; aud?: string | null; exp?: number | string; iat?: number } = {}) {
    const jwt = new SignJWT(payload);
    if (options.aud !== null) jwt.setAudience(options.aud ?? 'rd-gateway');
    return jwt
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1', typ: 'JWT' })
      .setIssuer(options.iss ?? issuerUrl)
      .setSubject('user-1')
      .setIssuedAt(options.iat)
      .setExpirationTime(options.exp ?? '5m')
      .sign(options.key ?? privateKey);
  }

  it('should turn a valid access token into an actor with known roles and district scope', async () => {
    await expect(verifier.verify(await sign(claims()))).resolves.toEqual({
      userId: 'user-1',
      username: 'ngo.isfara',
      roles: ['ngo-admin'],
      scope: { national: false, regions: [], districts: ['isfara'] },
    });
  });

  it('should carry the organisation claim as the actor organisation only when it is one uuid', async () => {
    const organisation = '0E6B3C8A-1D2F-4A5B-9C7D-8E9F0A1B2C3D';
    await expect(verifier.verify(await sign(claims({ organisation })))).resolves.toMatchObject({ organisationId: organisation.toLowerCase() });
    for (const bad of [['a', 'b'], 'not-a-uuid', 42]) {
      await expect(verifier.verify(await sign(claims({ organisation: bad, preferred_username: `x${String(bad)}` })))).resolves.not.toHaveProperty('organisationId');
    }
  });

  it.each([
    ['an ID token', () => sign(claims({ typ: 'ID' }))],
    ['a refresh token', () => sign(claims({ typ: 'Refresh' }))],
    ['an unknown client', () => sign(claims({ azp: 'someone-else' }))],
    ['a wrong audience', () => sign(claims(), { aud: 'account' })],
    ['a missing audience', () => sign(claims(), { aud: null })],
    ['a wrong issuer', () => sign(claims(), { iss: 'http://127.0.0.1:1/realms/other' })],
    ['an expired token', () => sign(claims(), { exp: Math.floor(Date.now() / 1000) - 120 })],
    ['a token issued in the future', () => sign(claims(), { iat: Math.floor(Date.now() / 1000) + 3600, exp: Math.floor(Date.now() / 1000) + 7200 })],
    ['a foreign signature', () => sign(claims(), { key: otherKey })],
    ['an unknown kid', () => sign(claims(), { key: otherKey, kid: 'k2' })],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), iss: issuerUrl, aud: 'rd-gateway', sub: 'x', exp: 9e9, iat: 1 })}.`],
    ['HS256 with the public key as secret', () => hs256WithPublicKey()],
    ['a tampered payload', async () => tamper(await sign(claims()))],
    ['garbage', async () => 'not.a.token'],
  ])('should refuse %s', async (_name, make) => {
    await expect(verifier.verify(await make())).rejects.toThrow();
  });

  it('should keep verifying cached tokens and known keys while the JWKS endpoint is down', async () => {
    const token = await sign(claims());
    await verifier.verify(token);
    const hitsBefore = jwksHits;
    server.closeAllConnections();
    const fresh = await sign(claims({ preferred_username: 'other' }));
    await expect(verifier.verify(token)).resolves.toMatchObject({ username: 'ngo.isfara' });
    await expect(verifier.verify(fresh)).resolves.toMatchObject({ username: 'other' });
    expect(jwksHits).toBe(hitsBefore);
  });

  describe('key rotation', () => {
    let rotated: TokenVerifier;
    let nextKey: KeyLike;
    let nextJwk: JWK;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      nextKey = pair.privateKey;
      nextJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' };
    });
    afterEach(() => {
      rotated?.onModuleDestroy();
      servedKeys = () => [jwk];
    });

    it('should stop accepting a key removed from the realm, and tokens verified with it, after the scheduled refresh', async () => {
      rotated = new TokenVerifier({ issuerUrl, audience: 'rd-gateway', allowedClients: ['rd-console'], jwksRefreshSeconds: 0.2 });
      const oldToken = await sign(claims());
      await expect(rotated.verify(oldToken)).resolves.toMatchObject({ username: 'ngo.isfara' });
      servedKeys = () => [nextJwk];
      await new Promise((resolve) => setTimeout(resolve, 700));
      await expect(rotated.verify(oldToken)).rejects.toThrow();
      await expect(rotated.verify(await sign(claims({ preferred_username: 'late' })))).rejects.toThrow();
      await expect(rotated.verify(await sign(claims(), { key: nextKey, kid: 'k2' }))).resolves.toMatchObject({ username: 'ngo.isfara' });
    });

    it('should keep the last keys when a scheduled refresh fails', async () => {
      rotated = new TokenVerifier({ issuerUrl, audience: 'rd-gateway', allowedClients: ['rd-console'], jwksRefreshSeconds: 3600 });
      const token = await sign(claims());
      await rotated.verify(token);
      servedKeys = () => null; // Keycloak answers 503
      await expect(rotated.refreshKeys()).resolves.toBe(false);
      await expect(rotated.verify(token)).resolves.toMatchObject({ username: 'ngo.isfara' });
      await expect(rotated.verify(await sign(claims({ preferred_username: 'fresh' })))).resolves.toMatchObject({ username: 'fresh' });
    });
  });

  function b64(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
  }

  function tamper(token: string): string {
    const [header, , signature] = token.split('.');
    return `${header}.${b64({ ...claims({ realm_access: { roles: ['national-coordinator'] } }), iss: issuerUrl, aud: 'rd-gateway', sub: 'user-1', exp: 9e9 })}.${signature}`;
  }

  async function hs256WithPublicKey(): Promise<string> {
    const secret = new TextEncoder().encode(JSON.stringify(jwk));
    return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer(issuerUrl).setAudience('rd-gateway').setSubject('x').setIssuedAt().setExpirationTime('5m').sign(secret);
  }
});
