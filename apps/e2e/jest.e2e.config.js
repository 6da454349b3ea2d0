const preset = require('../../jest.preset.js');

// The whole platform runs once for the suite: real Keycloak, PostgreSQL and NATS, services as processes.
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
  // Teardown stops every server it started (it logs each step); a socket left by the token fetches kept
  // the process alive for ~100 s afterwards, so exit once teardown is done.
  forceExit: true,
};
