import { loadConfig } from './config';

describe('reporting config', () => {
  it('should read its own NATS credentials and, for the rebuild, those of the ops user', () => {
    const config = loadConfig({
      NATS_USER: 'reporting',
      NATS_PASSWORD: 'pw',
      NATS_TLS_CA: '/ca.pem',
      REBUILD_OPS_NATS_URL: 'nats://n1:4222',
      REBUILD_OPS_NATS_PASSWORD: 'ops-pw',
    });
    expect(config.natsAuth).toEqual({ user: 'reporting', pass: 'pw', tlsCaFile: '/ca.pem' });
    expect(config.rebuildOpsAuth).toEqual({ user: 'ops', pass: 'ops-pw', tlsCaFile: '/ca.pem' });
  });

  it('should need no credentials on the dev broker', () => {
    const config = loadConfig({});
    expect(config.natsAuth).toBeUndefined();
    expect(config.rebuildOpsAuth).toBeUndefined();
  });
});
