import { join } from 'node:path';
import { REPO_ROOT } from './platform';
import { run } from './process';

export const CONSOLE_DIST = join(REPO_ROOT, 'dist', 'apps', 'console');

/** Builds the console with Vite into dist/apps/console. */
export async function buildConsole(log: (line: string) => void = console.log): Promise<string> {
  const started = Date.now();
  const result = await run(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'apps/console/vite.config.ts'], {
    cwd: REPO_ROOT,
    // What ships: under jest NODE_ENV is `test`, which Vite would pass on and so bundle React's development build
    // (~100 KB gzipped more, and not what the script budget of ADR 45 measures).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.code !== 0) throw new Error(`console build failed:\n${result.output}`);
  log(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return CONSOLE_DIST;
}
