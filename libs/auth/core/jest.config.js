const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'auth-core', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
