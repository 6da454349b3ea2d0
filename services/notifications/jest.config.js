const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'notifications', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
