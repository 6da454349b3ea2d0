const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'communities', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
