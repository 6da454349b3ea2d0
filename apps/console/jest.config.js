const preset = require('../../jest.preset.js');

// Pure unit tests (i18n completeness, access rules, error mapping): no DOM needed.
module.exports = { ...preset, displayName: 'console', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
