import nx from '@nx/eslint-plugin';

/** Tags decide who may import whom; there is no wildcard rule, so an untagged project fails closed. */
function boundaries(isTest) {
  // Test files may also use the test harness (type:testing) and the dev stack that starts real servers.
  const testing = isTest ? ['type:testing', 'type:tooling'] : [];
  const only = (tags) => [...new Set([...tags, ...testing])];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: only([]), bannedExternalImports: contractsBanned },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: only(['type:contracts']) },
      { sourceTag: 'scope:console', onlyDependOnLibsWithTags: only(['type:contracts', 'type:util']), bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', 'nats', 'pg'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
      { sourceTag: 'scope:meetings', onlyDependOnLibsWithTags: ['scope:meetings', 'scope:shared'] },
      { sourceTag: 'scope:communities', onlyDependOnLibsWithTags: ['scope:communities', 'scope:shared'] },
      { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
      { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
      { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:audit', 'scope:shared'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: only(['type:contracts', 'type:util', 'type:tooling']) },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing', 'type:tooling', 'type:data-access'] },
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: only(['type:contracts', 'type:util', 'type:data-access']) },
      { sourceTag: 'type:nest', onlyDependOnLibsWithTags: only(['type:contracts', 'type:util', 'type:data-access', 'type:nest']) },
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: only(['type:contracts', 'type:util', 'type:data-access', 'type:nest']) },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: only(['type:contracts', 'type:util', 'type:data-access', 'type:nest']) },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing', 'type:tooling'] },
    ],
  };
}

const contractsBanned = ['@nestjs/*', '@mikro-orm/*', 'nats', '@nats-io/*', 'react', 'react-*', 'pg', 'jose'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', 'test-output', 'reports', '.nx', '**/vite.config.*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      // Tags decide who may import whom; there is no wildcard rule, so an untagged project fails closed.
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-process-env': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    // Tool configs reach the shared jest preset by a relative path on purpose.
    files: ['**/jest*.js', '**/*.config.js', '**/*.config.ts', '**/*.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // config.ts is the one place a project reads its environment; tools and test harnesses configure themselves.
    files: ['**/src/config.ts', 'tools/**', 'libs/testing/**', 'libs/devstack/**', '**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/jest*.js', '**/vite.config.ts', 'jest.preset.js'],
    rules: { 'no-process-env': 'off' },
  },
  {
    // Raw SQL runs through em.execute, in the caller's transaction: getConnection().execute takes a second pool
    // connection outside it (docs/adr/0032-entities-or-sql.md).
    files: ['services/*/src/**/*.ts'],
    ignores: ['services/*/src/seeders/**', '**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.type='CallExpression'][callee.object.callee.property.name='getConnection']",
          message: 'Run raw SQL with em.execute (the caller\'s transaction), not getConnection().execute (a second connection outside it): docs/adr/0032-entities-or-sql.md',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
