// Every project's integration tests (`test/**/*.integration-spec.ts`) against the real PostgreSQL, NATS and Keycloak.
module.exports = {
  // With several projects, timeouts are global: Keycloak's first start alone can take a minute.
  testTimeout: 240_000,
  // As in the e2e config: one suite's leftover handle (a NATS connection or timer of a child it killed) must not keep
  // the run open after every suite reported; the clean-clone CI hung 9 minutes here once the fault suites grew.
  forceExit: true,
  // testcontainers when a Docker engine answers, else the local services (each suite isolates itself).
  globalSetup: '<rootDir>/tools/jest/integration-global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/integration-global-teardown.ts',
  projects: [
    '<rootDir>/libs/*/jest.integration.config.js',
    '<rootDir>/services/*/jest.integration.config.js',
    '<rootDir>/apps/*/jest.integration.config.js',
  ],
};
