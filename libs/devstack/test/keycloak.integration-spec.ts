import { DEMO_USERS, getToken, getTokenResponse, TokenRequestError } from '@rd/testing';
import { decodeJwt } from 'jose';
import { ensureKeycloak, type KeycloakHandle } from '../src/keycloak';

// Real Keycloak: started from the cached dist (30-90 s), or reused when one already serves the realm.
describe('Keycloak dev realm', () => {
  let keycloak: KeycloakHandle;

  beforeAll(async () => {
    keycloak = await ensureKeycloak();
  });
  afterAll(async () => {
    if (keycloak?.startedHere) await keycloak.stop();
  });

  it('should serve the realm with a fixed issuer', () => {
    expect(keycloak.issuerUrl).toBe('http://localhost:8180/realms/reporting-days');
  });

  it('should issue an access token for the gateway with sub, roles and district groups', async () => {
    const token = await getToken(DEMO_USERS.ngoIsfara.username, undefined, { keycloakUrl: keycloak.url });
    const claims = decodeJwt(token);
    expect(claims.iss).toBe('http://localhost:8180/realms/reporting-days');
    expect([claims.aud].flat()).toContain('rd-gateway');
    expect(claims.azp).toBe('rd-test-cli');
    expect(claims.sub).toEqual(expect.any(String));
    expect(claims.typ).toBe('Bearer');
    expect((claims.realm_access as { roles: string[] }).roles).toContain('ngo-admin');
    expect(claims.groups).toContain('/sughd/isfara');
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
  });

  it('should give a regional reviewer the region group only', async () => {
    const claims = decodeJwt(await getToken(DEMO_USERS.reviewerSughd.username, undefined, { keycloakUrl: keycloak.url }));
    expect(claims.groups).toEqual(['/sughd']);
    expect((claims.realm_access as { roles: string[] }).roles).toContain('regional-reviewer');
  });

  it('should log every demo user in with the role and groups the tests rely on', async () => {
    for (const user of Object.values(DEMO_USERS)) {
      const claims = decodeJwt(await getToken(user.username, undefined, { keycloakUrl: keycloak.url }));
      expect({ user: user.username, roles: claims.realm_access, groups: claims.groups ?? [] }).toEqual({
        user: user.username,
        roles: { roles: expect.arrayContaining([user.role]) },
        groups: [...user.groups],
      });
    }
  });

  it('should return id and refresh tokens in the full response', async () => {
    const tokens = await getTokenResponse(DEMO_USERS.policeIsfara.username, undefined, { keycloakUrl: keycloak.url });
    expect(tokens.token_type).toBe('Bearer');
    expect(decodeJwt(tokens.id_token!).aud).toBe('rd-test-cli');
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  it('should refuse a wrong password', async () => {
    const refused = getToken(DEMO_USERS.policeBatken.username, 'not-the-password', { keycloakUrl: keycloak.url });
    await expect(refused).rejects.toBeInstanceOf(TokenRequestError);
    await expect(refused).rejects.toMatchObject({ status: 400, error: 'invalid_grant' }); // 400 per RFC 6749 §5.2 (Keycloak 26.7)
  });

  it('should refuse the password grant on the console client', async () => {
    const refused = getToken(DEMO_USERS.ngoIsfara.username, undefined, { keycloakUrl: keycloak.url, clientId: 'rd-console' });
    await expect(refused).rejects.toMatchObject({ error: 'unauthorized_client' });
  });
});
