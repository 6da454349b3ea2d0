const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'notifications:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
