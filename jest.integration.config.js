// Every project's integration tests (`test/**/*.integration-spec.ts`) against the real PostgreSQL, NATS and Keycloak.
module.exports = {
  // With several projects, timeouts are global: Keycloak's first start alone can take a minute.
  testTimeout: 240_000,
  projects: [
    '<rootDir>/libs/*/jest.integration.config.js',
    '<rootDir>/services/*/jest.integration.config.js',
    '<rootDir>/apps/*/jest.integration.config.js',
  ],
};
