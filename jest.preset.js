// Shared by every project's jest config: swc instead of type-checking ts-jest (tsc runs separately),
// legacy decorators with metadata for NestJS and MikroORM, and the @rd/* aliases from tsconfig.base.json.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('node:path');

process.env.TZ = 'UTC';

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic' },
    },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcOptions] },
  // jose and keycloak-js ship ESM only
  transformIgnorePatterns: ['/node_modules/(?!(jose|keycloak-js)/)'],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
