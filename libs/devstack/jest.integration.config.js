const preset = require('../../jest.preset.js');

// Starts (or reuses) a real Keycloak: the first start takes 30-90 s on 2 cores.
module.exports = {
  ...preset,
  displayName: 'devstack-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 240000,
};
