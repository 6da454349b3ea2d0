const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'compose', rootDir: __dirname, testMatch: ['<rootDir>/**/*.spec.ts'] };
