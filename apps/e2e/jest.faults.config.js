const preset = require('../../jest.preset.js');

// The fault matrix (npm run faults; a CI-sized run inside npm test): the whole platform on private servers the
// suite kills and restarts, Keycloak shared (started if none runs). FAULTS_SIZE=full for the nightly size.
module.exports = {
  ...preset,
  displayName: 'faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/faults/**/*.faults-spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
  forceExit: true,
};
