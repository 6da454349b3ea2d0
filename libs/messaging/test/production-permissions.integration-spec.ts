import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * infra/nats/nats-production.conf must grant every consumer and publisher the catalogue declares: a new
 * consumer without its grants works on the permissive dev broker and fails only in production. The check
 * starts its own private nats-server (never the shared one) and exits 1 on any failure.
 */
describe('production NATS permissions', () => {
  it('should let each deployable do what the code does and refuse what it must not', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', join(ROOT, 'infra/nats/check-production-permissions.ts')],
        { cwd: ROOT, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      );
    });
    const failures = output.split('\n').filter((line) => line.startsWith('FAIL'));
    expect(failures).toEqual([]);
    expect(output).toContain('all checks passed');
    expect(code).toBe(0);
  });
});
