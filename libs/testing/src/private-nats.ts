import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { findExecutable, freePort, isAlive, waitFor } from './private-process';

export interface PrivateNats {
  url: string;
  port: number;
  /** PID of the running nats-server (changes on restart). */
  readonly pid: number;
  storeDir: string;
  /** Sends a signal to this server only; after SIGKILL/SIGTERM waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and store dir (kills the old process first if alive). */
  restart(): Promise<void>;
  /** Stops the server and deletes its store dir. */
  stop(): Promise<void>;
  /** The server's log so far (for failure messages). */
  log(): string;
}

export interface PrivateNatsOptions {
  /** Milliseconds to wait for the server to accept connections and answer JetStream. */
  startTimeoutMs?: number;
}

/** True once the server at `url` accepts a connection and JetStream answers (in a cluster: a meta leader exists). */
export async function jetStreamAnswers(url: string): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, reconnect: false, timeout: 500 });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
      return true;
    } finally {
      await nc.close();
    }
  } catch {
    return false;
  }
}

/**
 * A throwaway `nats-server -js` on a random port with its own store dir, for fault tests that kill,
 * stop (SIGSTOP) and restart the broker. Never touches the shared server on 4222.
 */
export async function startPrivateNats(options: PrivateNatsOptions = {}): Promise<PrivateNats> {
  const binary = findExecutable('nats-server', ['/usr/sbin', '/usr/local/bin', '/usr/bin']);
  const dir = mkdtempSync(join(tmpdir(), 'rd-nats-'));
  const storeDir = join(dir, 'store');
  const logFile = join(dir, 'nats.log');
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const removeExitHook = () => process.removeListener('exit', killOnExit);
  // Safety net if the test process dies without stop(): kill our server only, by PID.
  function killOnExit(): void {
    if (child?.pid && isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  process.on('exit', killOnExit);

  async function spawnServer(): Promise<void> {
    const fd = openSync(logFile, 'a');
    try {
      child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
        stdio: ['ignore', fd, fd],
      });
    } finally {
      closeSync(fd);
    }
    const current = child;
    exited = new Promise((resolve) => current.once('exit', () => resolve()));
    await waitFor(
      async () => {
        if (current.exitCode !== null) throw new Error(`nats-server exited with ${current.exitCode}:\n${readLog()}`);
        return jetStreamAnswers(url);
      },
      startTimeoutMs,
      `nats-server on ${url}`,
    );
  }

  function readLog(): string {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const pid = child?.pid;
    if (!pid || child?.exitCode !== null || child?.signalCode !== null) return;
    process.kill(pid, signal);
    if (signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGQUIT') {
      // A stopped process does not handle SIGTERM until continued.
      if (signal !== 'SIGKILL') process.kill(pid, 'SIGCONT');
      await exited;
    }
  }

  await spawnServer();

  return {
    url,
    port,
    storeDir,
    get pid() {
      return child?.pid ?? -1;
    },
    kill,
    async restart() {
      await kill('SIGKILL');
      await spawnServer();
    },
    async stop() {
      await kill('SIGTERM');
      removeExitHook();
      rmSync(dir, { recursive: true, force: true });
    },
    log: readLog,
  };
}
