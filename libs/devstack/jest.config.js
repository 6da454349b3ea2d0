const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'devstack', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
