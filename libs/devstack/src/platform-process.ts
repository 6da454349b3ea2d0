import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root, found from this file's place in libs/devstack/src. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Node with the swc loader: runs TypeScript sources with decorator metadata and the @rd/* aliases. */
export function nodeArgs(entry: string, args: string[] = []): string[] {
  return ['--enable-source-maps', '-r', '@swc-node/register', join(REPO_ROOT, entry), ...args];
}

export function tsEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), ...extra };
}

/** One service or the gateway as a child process that can be killed and started again. */
export interface PlatformProcess {
  readonly name: string;
  /** PID of the running process, undefined while it is down. */
  readonly pid: number | undefined;
  /** Starts it (again), with extra environment for this run; resolves when it logs its ready line. */
  start(extraEnv?: Record<string, string>): Promise<void>;
  /** Sends the signal (default SIGKILL: a crash) and waits until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface PlatformProcessOptions {
  name: string;
  /** Entry file, relative to the repository root. */
  entry: string;
  env: Record<string, string>;
  readyLine: RegExp;
  /** `<logDir>/<name>.log` gets the output of every run, appended. */
  logDir: string;
  echoLogs?: boolean;
}

export function platformProcess(options: PlatformProcessOptions): PlatformProcess {
  let child: ChildProcess | undefined;
  let log: WriteStream | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const exited = (c: ChildProcess) => new Promise<void>((done) => (c.exitCode !== null || c.signalCode !== null ? done() : c.once('exit', () => done())));

  return {
    name: options.name,
    get pid() {
      return running() ? child?.pid : undefined;
    },
    start(extraEnv = {}) {
      if (running()) return Promise.reject(new Error(`${options.name} is already running`));
      log ??= createWriteStream(join(options.logDir, `${options.name}.log`), { flags: 'a' });
      const started = spawn(process.execPath, nodeArgs(options.entry), { cwd: REPO_ROOT, env: tsEnv({ ...options.env, ...extraEnv }), stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      return new Promise<void>((resolveReady, rejectReady) => {
        let seen = '';
        const onData = (chunk: Buffer) => {
          const text = chunk.toString();
          log?.write(text);
          if (options.echoLogs) text.split('\n').filter(Boolean).forEach((line) => process.stdout.write(`[${options.name}] ${line}\n`));
          // The ready line may arrive split across chunks: look at the recent output.
          seen = (seen + text).slice(-4096);
          if (options.readyLine.test(seen)) resolveReady();
        };
        started.stdout?.on('data', onData);
        started.stderr?.on('data', onData);
        started.once('exit', (code, signal) => rejectReady(new Error(`${options.name} exited with ${code ?? signal}; see ${join(options.logDir, `${options.name}.log`)}`)));
      });
    },
    async kill(signal = 'SIGKILL') {
      if (!child || !running()) return;
      const current = child;
      current.kill(signal);
      await exited(current);
    },
    async stop() {
      if (!child || !running()) return;
      const current = child;
      const killer = setTimeout(() => current.kill('SIGKILL'), 10_000);
      current.kill('SIGTERM');
      await exited(current);
      clearTimeout(killer);
    },
  };
}
