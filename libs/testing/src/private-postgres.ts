import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { childPids, exists, findExecutable, freePort, isAlive, osUser, waitFor } from './private-process';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** Admin URL (user postgres, database postgres, trust auth). */
  url: string;
  port: number;
  /** PID of the running postmaster (changes on restart). */
  readonly pid: number;
  /** Sends a signal to the postmaster only (default SIGKILL: a crash) and waits until it and its workers are gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the cluster again on the same port and data dir (crash recovery runs after a kill). */
  restart(): Promise<void>;
  /** Stops the cluster and deletes its directory. */
  stop(): Promise<void>;
  log(): string;
}

/** initdb and pg_ctl of one PostgreSQL version: PATH first, then the newest /usr/lib/postgresql/<v>/bin. */
function postgresBinDir(): string {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  // Resolve symlinks so pg_ctl comes from the same installation as initdb.
  return dirname(realpathSync(findExecutable('initdb', versions)));
}

/**
 * A throwaway PostgreSQL cluster (`initdb` + `pg_ctl`) on a random port in a temp dir, for fault tests
 * that kill and restart the database. Runs as the `postgres` OS user when the test runs as root
 * (PostgreSQL refuses root). Never touches the shared server on 5432.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const pgCtl = join(bin, 'pg_ctl');
  const dir = mkdtempSync(join(tmpdir(), 'rd-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? osUser('postgres') : undefined;
  if (asRoot && !owner) throw new Error('running as root but there is no postgres OS user to run PostgreSQL as');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const asOwner = (file: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);

  let postmaster = -1;
  function killOnExit(): void {
    if (postmaster > 0 && isAlive(postmaster)) process.kill(postmaster, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  process.on('exit', killOnExit);

  const readLog = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  async function start(): Promise<void> {
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`;
    try {
      await asOwner(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions]);
    } catch (error) {
      throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${readLog()}`);
    }
    postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    await waitFor(
      async () => {
        const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
        try {
          await client.connect();
          await client.query('select 1');
          return true;
        } catch {
          return false;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      30_000,
      `postgres on port ${port}`,
    );
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (postmaster <= 0 || !isAlive(postmaster)) return;
    const workers = childPids(postmaster);
    process.kill(postmaster, signal);
    // Backends notice the postmaster's death and exit; a restart needs them gone (shared memory in use).
    await waitFor(() => !isAlive(postmaster) && workers.every((pid) => !isAlive(pid)), 30_000, 'postgres to exit');
    // The dead postmaster is reparented to PID 1, which may reap it late; until then it looks alive to
    // the next postmaster's lock-file check. Give the reaper a moment, then drop the stale lock file.
    await waitFor(() => !exists(postmaster), 3000, 'postmaster to be reaped').catch(() =>
      rmSync(join(dataDir, 'postmaster.pid'), { force: true }),
    );
  }

  try {
    await asOwner(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
    await start();
  } catch (error) {
    killOnExit();
    process.removeListener('exit', killOnExit);
    throw error;
  }

  return {
    url,
    port,
    get pid() {
      return postmaster;
    },
    kill,
    async restart() {
      await kill('SIGKILL');
      await start();
    },
    async stop() {
      if (postmaster > 0 && isAlive(postmaster)) {
        await asOwner(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30']).catch(() => kill('SIGKILL'));
      }
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
    log: readLog,
  };
}
