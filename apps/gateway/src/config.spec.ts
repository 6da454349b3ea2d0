import { loadConfig } from './config';

describe('gateway config', () => {
  it('should read a NATS cluster and the production NATS credentials', () => {
    const config = loadConfig({ NATS_URL: 'nats://n1:4222,nats://n2:4222', NATS_USER: 'gateway', NATS_PASSWORD: 'pw', NATS_TLS_CA: '/run/secrets/nats-ca.pem' });
    expect(config.natsUrl).toBe('nats://n1:4222,nats://n2:4222');
    expect(config.natsAuth).toEqual({ user: 'gateway', pass: 'pw', tlsCaFile: '/run/secrets/nats-ca.pem' });
    expect(config.streamReplicas).toBe(1);
    expect(loadConfig({ NATS_STREAM_REPLICAS: '3' }).streamReplicas).toBe(3);
    expect(() => loadConfig({ NATS_STREAM_REPLICAS: '0' })).toThrow();
  });

  it('should run without NATS credentials on the dev broker and refuse half a pair', () => {
    expect(loadConfig({}).natsAuth).toBeUndefined();
    expect(() => loadConfig({ NATS_USER: 'gateway' })).toThrow('Set NATS_USER and NATS_PASSWORD together');
  });

  describe('accepted clients', () => {
    it('should accept the test client outside production mode, where the dev realm is used', () => {
      expect(loadConfig({}).allowedClients).toEqual(['rd-console', 'rd-test-cli']);
    });

    it('should fail closed in production mode when KEYCLOAK_ALLOWED_CLIENTS is unset', () => {
      expect(loadConfig({ NODE_ENV: 'production', KEYCLOAK_ADMIN_CLIENT_SECRET: 's3cret' }).allowedClients).toEqual(['rd-console']);
    });

    it('should refuse to start in production mode with the test client unless the dev realm is declared', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', KEYCLOAK_ALLOWED_CLIENTS: 'rd-console,rd-test-cli' })).toThrow('test-only client rd-test-cli');
      expect(() => loadConfig({ KEYCLOAK_DEV_REALM: 'false', KEYCLOAK_ALLOWED_CLIENTS: 'rd-test-cli' })).toThrow('test-only client rd-test-cli');
      expect(loadConfig({ NODE_ENV: 'production', KEYCLOAK_DEV_REALM: 'true', KEYCLOAK_ALLOWED_CLIENTS: 'rd-console,rd-test-cli' }).allowedClients).toEqual(['rd-console', 'rd-test-cli']);
    });

    it('should refresh the realm keys every 5 minutes unless told otherwise', () => {
      expect(loadConfig({}).jwksRefreshSeconds).toBe(300);
      expect(loadConfig({ KEYCLOAK_JWKS_REFRESH_SECONDS: '60' }).jwksRefreshSeconds).toBe(60);
    });
  });

  describe('user administration (ADR 33)', () => {
    it('should use the dev realm secret of rd-user-admin and the issuer’s Keycloak and realm outside production', () => {
      const { keycloak, links } = loadConfig({ KEYCLOAK_ISSUER_URL: 'http://localhost:8181/realms/reporting-days', CORS_ORIGINS: 'http://localhost:4310' }).userAdmin;
      expect(keycloak).toMatchObject({ baseUrl: 'http://localhost:8181', realm: 'reporting-days', clientId: 'rd-user-admin', clientSecret: 'dev-user-admin-secret' });
      expect(links).toMatchObject({ consoleUrl: 'http://localhost:4310', linkClientId: 'rd-console' });
    });

    it('should refuse to start in production mode without the rd-user-admin secret', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('KEYCLOAK_ADMIN_CLIENT_SECRET is required');
      expect(loadConfig({ NODE_ENV: 'production', KEYCLOAK_ADMIN_CLIENT_SECRET: 's3cret', KEYCLOAK_ADMIN_URL: 'http://keycloak:8080/' }).userAdmin.keycloak).toMatchObject({
        baseUrl: 'http://keycloak:8080',
        clientSecret: 's3cret',
      });
    });
  });
});
