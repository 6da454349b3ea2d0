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
});
