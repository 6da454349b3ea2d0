import { z } from 'zod';
import { natsAuthFromEnv, natsConnectionOptions, natsEnvShape, natsServers } from './nats-endpoint';

describe('NATS endpoint settings', () => {
  describe(natsServers.name, () => {
    it('should read a cluster from a comma-separated NATS_URL', () => {
      expect(natsServers('nats://a:4222, nats://b:4222,,nats://c:4222 ')).toEqual(['nats://a:4222', 'nats://b:4222', 'nats://c:4222']);
      expect(natsServers('nats://127.0.0.1:4222')).toEqual(['nats://127.0.0.1:4222']);
    });

    it('should refuse a NATS_URL that names no server', () => {
      expect(() => natsServers(' , ')).toThrow('NATS_URL names no server');
    });
  });

  describe(natsAuthFromEnv.name, () => {
    it('should give no credentials on the dev broker', () => {
      expect(natsAuthFromEnv({})).toBeUndefined();
    });

    it('should take user, password and CA together', () => {
      expect(natsAuthFromEnv({ NATS_USER: 'meetings', NATS_PASSWORD: 's3cret', NATS_TLS_CA: '/etc/rd/nats-ca.pem' })).toEqual({
        user: 'meetings',
        pass: 's3cret',
        tlsCaFile: '/etc/rd/nats-ca.pem',
      });
      expect(natsAuthFromEnv({ NATS_USER: 'meetings', NATS_PASSWORD: 's3cret' })).toEqual({ user: 'meetings', pass: 's3cret' });
    });

    it.each([
      [{ NATS_USER: 'meetings' }, 'Set NATS_USER and NATS_PASSWORD together'],
      [{ NATS_PASSWORD: 's3cret' }, 'Set NATS_USER and NATS_PASSWORD together'],
      [{ NATS_TLS_CA: '/ca.pem' }, 'NATS_TLS_CA is set without NATS_USER and NATS_PASSWORD'],
      [{ NATS_USER: 'Meetings.Admin', NATS_PASSWORD: 's3cret' }, 'is not a NATS user name'],
    ])('should fail fast on %j', (env, message) => {
      expect(() => natsAuthFromEnv(env)).toThrow(message);
    });

    it('should read the variables through the shared env shape, with the dev default URL', () => {
      const parsed = z.object(natsEnvShape).parse({ NATS_USER: 'gateway', NATS_PASSWORD: 'pw', OTHER: 'x' });
      expect(parsed.NATS_URL).toBe('nats://127.0.0.1:4222');
      expect(natsAuthFromEnv(parsed)).toEqual({ user: 'gateway', pass: 'pw' });
    });
  });

  describe(natsConnectionOptions.name, () => {
    it('should connect the dev broker without credentials, with the deployable inbox', () => {
      expect(natsConnectionOptions('meetings', 'nats://127.0.0.1:4222')).toEqual({
        servers: ['nats://127.0.0.1:4222'],
        inboxPrefix: '_INBOX_meetings',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      });
    });

    it('should pass credentials and the CA, with the inbox of the NATS user', () => {
      expect(natsConnectionOptions('reporting', 'nats://a:4222,nats://b:4222', { user: 'ops', pass: 'pw', tlsCaFile: '/ca.pem' })).toEqual({
        servers: ['nats://a:4222', 'nats://b:4222'],
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
        user: 'ops',
        pass: 'pw',
        tls: { caFile: '/ca.pem' },
        inboxPrefix: '_INBOX_ops',
      });
    });
  });
});
