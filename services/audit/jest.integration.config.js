const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'audit:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
