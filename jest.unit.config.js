// Every project's unit tests (`src/**/*.spec.ts`), in one run and one report.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/libs/auth/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/tools/*/jest.config.js',
  ],
};
