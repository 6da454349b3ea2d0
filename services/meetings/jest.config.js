const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'meetings', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
