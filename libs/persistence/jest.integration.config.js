const preset = require('../../jest.preset.js');

// Real PostgreSQL and NATS (the shared ones on 5432/4222, plus private servers for the fault tests).
module.exports = {
  ...preset,
  displayName: 'persistence:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
