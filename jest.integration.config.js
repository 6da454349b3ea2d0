// Every project's integration tests (`test/**/*.integration-spec.ts`) against the real PostgreSQL, NATS and Keycloak.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.integration.config.js',
    '<rootDir>/services/*/jest.integration.config.js',
    '<rootDir>/apps/*/jest.integration.config.js',
  ],
};
