/**
 * Writes (or checks) infra/keycloak/production/reporting-days-realm.json from the dev realm:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/devstack/src/realm-production.cli.ts [write|check]
 * `check` exits 1 when the committed file is not what the dev realm generates (the realm lint checks the same).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { DEFAULT_REALM_FILE } from './keycloak';
import { lintedRealm, lintRealm } from './realm-lint';
import { PRODUCTION_REALM_FILE, renderProductionRealm } from './realm-production';

function main(command = 'write'): number {
  const generated = renderProductionRealm(readFileSync(DEFAULT_REALM_FILE, 'utf8'));
  const target = relative(process.cwd(), PRODUCTION_REALM_FILE);
  const problems = lintRealm(lintedRealm('production', generated));
  if (problems.length > 0) {
    console.error(`the generated production realm breaks the realm lint:\n${problems.map((p) => `  ${p.rule}: ${p.problem}`).join('\n')}`);
    return 1;
  }
  switch (command) {
    case 'write':
      mkdirSync(dirname(PRODUCTION_REALM_FILE), { recursive: true });
      writeFileSync(PRODUCTION_REALM_FILE, generated);
      console.log(`wrote ${target}`);
      return 0;
    case 'check': {
      let committed: string | undefined;
      try {
        committed = readFileSync(PRODUCTION_REALM_FILE, 'utf8');
      } catch {
        committed = undefined;
      }
      if (committed === generated) {
        console.log(`${target} is up to date`);
        return 0;
      }
      console.error(`${target} differs from what the dev realm generates; run this tool with \`write\``);
      return 1;
    }
    default:
      console.error('usage: realm-production.cli.ts [write|check]');
      return 2;
  }
}

process.exitCode = main(process.argv[2]);
