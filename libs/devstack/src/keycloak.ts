import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unpackZipOnce } from './archive';
import { childEnv, devstackConfig } from './config';
import { findJava25 } from './java';
import { mavenCopyArtifact } from './maven';
import { httpOk, isAlive, isPortOpen, sleep } from './process';
import { syncDevRealm } from './realm-sync';

export const KEYCLOAK_VERSION = '26.7.3';
export const KEYCLOAK_ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`;
export const KEYCLOAK_REALM = 'reporting-days';
/** The hand-kept realm, imported on every fresh start. */
export const DEFAULT_REALM_FILE = resolve(__dirname, '../../../infra/keycloak/reporting-days-realm.json');
/** The project's Keycloak themes (the `reporting-days` login and email themes the realm names). */
export const THEMES_DIR = resolve(__dirname, '../../../infra/keycloak/themes');

/**
 * Puts the project's themes into the dist's `themes/` folder, replacing an older copy: Keycloak reads themes from there,
 * and `start-dev` does not cache them, so edited messages show on the next page load.
 */
export function installThemes(keycloakHome: string, themesDir = THEMES_DIR): void {
  cpSync(themesDir, join(keycloakHome, 'themes'), { recursive: true, force: true });
}

export type Log = (line: string) => void;
const defaultLog: Log = (line) => console.log(`[keycloak] ${line}`);

/** `<cache root>/keycloak`: the dist zip, the unpacked server, its log and lock files. */
export function keycloakCacheDir(): string {
  return join(devstackConfig().cacheRoot, 'keycloak');
}

export interface KeycloakDist {
  /** Unpacked server (`bin/kc.sh`, `data/`…). */
  home: string;
  zip: string;
  cacheDir: string;
}

/**
 * Makes sure the Keycloak distribution is cached and unpacked: fetches the zip from Maven Central with
 * maven-dependency-plugin when missing, then unpacks it once to `<cache>/keycloak-<version>`.
 */
export async function ensureKeycloakDist(options: { cacheDir?: string; log?: Log } = {}): Promise<KeycloakDist> {
  const log = options.log ?? defaultLog;
  const config = devstackConfig();
  const cacheDir = options.cacheDir ?? keycloakCacheDir();
  mkdirSync(cacheDir, { recursive: true });
  const zip = join(cacheDir, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`);
  if (!existsSync(zip)) {
    log(`fetching ${KEYCLOAK_ARTIFACT} (~170 MB, once) into ${cacheDir}`);
    await mavenCopyArtifact(KEYCLOAK_ARTIFACT, cacheDir, childEnv({}));
  }
  const topDir = `keycloak-${KEYCLOAK_VERSION}`;
  if (!existsSync(join(cacheDir, topDir))) log(`unpacking ${zip}`);
  let javaHome: string | undefined;
  try {
    javaHome = findJava25({ javaHome: config.javaHome });
  } catch {
    javaHome = config.javaHome; // any JDK's jar tool can unpack; Java 25 is only needed to run
  }
  const home = await unpackZipOnce(zip, cacheDir, topDir, { path: config.path, javaHome });
  return { home, zip, cacheDir };
}

export interface EnsureKeycloakOptions {
  /** HTTP port (default `RD_KEYCLOAK_PORT` or 8180). */
  port?: number;
  /** Management port serving `/health/ready` (default `RD_KEYCLOAK_MANAGEMENT_PORT` or 9180). */
  managementPort?: number;
  /** Realm to import (default `infra/keycloak/reporting-days-realm.json`). */
  realmFile?: string;
  /** Bootstrap admin password of the master realm (default `RD_KEYCLOAK_ADMIN_PASSWORD` or `admin`). */
  adminPassword?: string;
  /** Password of every demo user (default `RD_DEMO_PASSWORD` or `demo-password-1`). */
  demoPassword?: string;
  /** Wait at most this long for `/health/ready` (default 180 s). */
  readyTimeoutMs?: number;
  log?: Log;
}

export interface KeycloakHandle {
  /** Public base URL, e.g. `http://localhost:8180`. */
  url: string;
  /** `iss` of every token, e.g. `http://localhost:8180/realms/reporting-days`. */
  issuerUrl: string;
  /** False when an already running Keycloak was reused; `stop()` then does nothing. */
  startedHere: boolean;
  /** Server log (only when started here). */
  logFile?: string;
  /** PID of `kc.sh`, leader of its own process group (only when started here). */
  pid?: number;
  /** Resolves when the server exits, with its exit code (never resolves for a reused server). */
  exited: Promise<number | null>;
  /** True once `stop()` was called or a signal asked this process to stop it. */
  stopRequested(): boolean;
  /** Stops the server if this process started it, and waits until its process group is gone. */
  stop(): Promise<void>;
}

interface LockContent {
  ownerPid: number;
  keycloakPid?: number;
  port: number;
  logFile: string;
}

/** `<cache>/keycloak-<port>.lock`: who is starting or running the Keycloak on that port. */
export function keycloakLockFile(port: number, cacheDir = keycloakCacheDir()): string {
  return join(cacheDir, `keycloak-${port}.lock`);
}

export function readKeycloakLock(lockFile: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

/** True while any process of the group led by `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Sends SIGTERM to the process group, then SIGKILL after `graceMs`; resolves when the group is gone. */
export async function stopProcessGroup(pid: number, graceMs = 20000): Promise<void> {
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(200);
  if (groupAlive(pid)) {
    killGroup(pid, 'SIGKILL');
    while (groupAlive(pid)) await sleep(100);
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Takes the start lock for `port`. Returns false when another live process holds it (it is starting or
 * running Keycloak there); a lock left by a dead process is removed.
 */
function tryLock(lockFile: string, content: LockContent): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(content), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readKeycloakLock(lockFile);
      if (holder && holder.ownerPid !== process.pid && isAlive(holder.ownerPid)) return false;
      rmSync(lockFile, { force: true }); // stale
    }
  }
  return false;
}

function releaseLock(lockFile: string): void {
  if (readKeycloakLock(lockFile)?.ownerPid === process.pid) rmSync(lockFile, { force: true });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; log: Log; failed?: () => string | undefined; progressEveryMs?: number },
): Promise<void> {
  const started = Date.now();
  let nextProgress = started + (options.progressEveryMs ?? 10000);
  for (;;) {
    if (await check()) return;
    const failure = options.failed?.();
    if (failure) throw new Error(failure);
    const now = Date.now();
    if (now - started > options.timeoutMs) throw new Error(`timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${what}`);
    if (now >= nextProgress) {
      options.log(`waiting for ${what}… ${Math.round((now - started) / 1000)} s`);
      nextProgress = now + (options.progressEveryMs ?? 10000);
    }
    await sleep(1000);
  }
}

function reusedHandle(url: string, issuerUrl: string): KeycloakHandle {
  return {
    url,
    issuerUrl,
    startedHere: false,
    exited: new Promise(() => undefined),
    stopRequested: () => false,
    stop: async () => undefined,
  };
}

/**
 * Returns a running Keycloak with the `reporting-days` realm on `localhost:<port>`: reuses one that already
 * serves the realm, else starts `kc.sh start-dev` from the cached dist with a wiped dev-file database (so
 * the realm is always imported fresh from the file; it holds demo data only). The server is bound to
 * loopback, runs in its own process group, logs to `<cache>/keycloak-<port>.log`, and is stopped when this
 * process exits or gets SIGINT/SIGTERM/SIGHUP: it never outlives the process that started it on purpose.
 */
export async function ensureKeycloak(options: EnsureKeycloakOptions = {}): Promise<KeycloakHandle> {
  const config = devstackConfig();
  const log = options.log ?? defaultLog;
  const port = options.port ?? config.keycloakPort;
  const managementPort = options.managementPort ?? config.keycloakManagementPort;
  const readyTimeoutMs = options.readyTimeoutMs ?? 180000;
  const url = `http://localhost:${port}`;
  const issuerUrl = `${url}/realms/${KEYCLOAK_REALM}`;
  const wellKnown = `${issuerUrl}/.well-known/openid-configuration`;

  if (await httpOk(wellKnown)) {
    log(`reusing the Keycloak already serving ${issuerUrl}`);
    // Its realm was imported when it started: add what the realm file gained since (realm-sync.ts).
    await syncDevRealm({ baseUrl: url, realmFile: options.realmFile ?? DEFAULT_REALM_FILE, adminPassword: options.adminPassword ?? config.adminPassword, env: childEnv({}), log }).catch(
      (error: unknown) => log(`could not bring the running realm up to the realm file (${(error as Error).message}); restart that Keycloak if a test needs what the file added`),
    );
    return reusedHandle(url, issuerUrl);
  }

  const cacheDir = keycloakCacheDir();
  mkdirSync(cacheDir, { recursive: true });
  const lockFile = keycloakLockFile(port, cacheDir);
  const logFile = join(cacheDir, `keycloak-${port}.log`);
  const lock: LockContent = { ownerPid: process.pid, port, logFile };
  if (!tryLock(lockFile, lock)) {
    const holder = readKeycloakLock(lockFile);
    log(`Keycloak on port ${port} is being started by pid ${holder?.ownerPid}; waiting for it (log: ${holder?.logFile})`);
    await waitFor(`the realm at ${wellKnown}`, () => httpOk(wellKnown), {
      timeoutMs: readyTimeoutMs,
      log,
      failed: () => (existsSync(lockFile) ? undefined : `the process starting Keycloak on port ${port} gave up`),
    });
    return reusedHandle(url, issuerUrl);
  }

  let child: ChildProcess | undefined;
  const cleanups: Array<() => void> = [];
  const cleanup = () => {
    for (const fn of cleanups.splice(0)) fn();
  };
  try {
    for (const p of [port, managementPort]) {
      if (await isPortOpen(p)) {
        throw new Error(
          `port ${p} is in use, but ${wellKnown} does not answer: something else (or a Keycloak without the realm) holds it. ` +
            `Stop it (a Keycloak left by this tool: \`node -r @swc-node/register libs/devstack/src/keycloak.cli.ts stop\`), ` +
            `or set RD_KEYCLOAK_PORT / RD_KEYCLOAK_MANAGEMENT_PORT.`,
        );
      }
    }
    const javaHome = findJava25({ javaHome: config.javaHome });
    const dist = await ensureKeycloakDist({ cacheDir, log });

    // Fresh dev-file database every start: --import-realm skips a realm that already exists.
    const dataDir = join(dist.home, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const importDir = join(dataDir, 'import');
    mkdirSync(importDir, { recursive: true });
    // Copied verbatim: Keycloak's import itself resolves `${VAR:default}` placeholders from its environment
    // (checked with 26.7.3 for credentials, redirect URIs and client attributes).
    copyFileSync(options.realmFile ?? DEFAULT_REALM_FILE, join(importDir, `${KEYCLOAK_REALM}-realm.json`));
    installThemes(dist.home);

    const args = [
      'start-dev',
      '--import-realm',
      '--http-host=127.0.0.1',
      `--http-port=${port}`,
      `--http-management-port=${managementPort}`,
      '--health-enabled=true',
      // Fixes `iss` whatever host the caller used (localhost vs 127.0.0.1).
      `--hostname=${url}`,
    ];
    const logFd = openSync(logFile, 'w');
    const started = Date.now();
    log(`starting Keycloak ${KEYCLOAK_VERSION} on ${url} with Java ${javaHome} (log: ${logFile})`);
    try {
      child = spawn(join(dist.home, 'bin', 'kc.sh'), args, {
        cwd: dist.home,
        detached: true, // own process group, so stop() reaches kc.sh and the JVM it forks
        stdio: ['ignore', logFd, logFd],
        env: childEnv({
          JAVA_HOME: javaHome,
          PATH: `${join(javaHome, 'bin')}:${config.path}`,
          KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
          KC_BOOTSTRAP_ADMIN_PASSWORD: options.adminPassword ?? config.adminPassword,
          // Resolved by Keycloak's import from `${RD_DEMO_PASSWORD:demo-password-1}` in the realm file.
          RD_DEMO_PASSWORD: options.demoPassword ?? config.demoPassword,
        }),
      });
    } finally {
      closeSync(logFd);
    }
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${join(dist.home, 'bin', 'kc.sh')}`);
    writeFileSync(lockFile, JSON.stringify({ ...lock, keycloakPid: pid }));

    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolveExit) => {
      child?.once('exit', (code, signal) => {
        exitCode = code ?? (signal ? 128 : null);
        cleanup();
        releaseLock(lockFile);
        resolveExit(exitCode);
      });
    });

    // Never leave a JVM behind: stop it with us.
    const onExit = () => killGroup(pid, 'SIGTERM');
    process.once('exit', onExit);
    cleanups.push(() => process.removeListener('exit', onExit));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const onSignal = () => {
        log(`${signal}: stopping Keycloak`);
        void stop().finally(() => {
          // Re-raise only when nobody else handles it, to keep the default "terminate" behaviour.
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
      };
      process.once(signal, onSignal);
      cleanups.push(() => process.removeListener(signal, onSignal));
    }

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        cleanup();
        await stopProcessGroup(pid);
        releaseLock(lockFile);
      })());

    try {
      const failed = () =>
        exitCode !== undefined ? `Keycloak exited with code ${exitCode} while starting; last log lines:\n${tail(logFile)}` : undefined;
      await waitFor(`Keycloak health (http://127.0.0.1:${managementPort}/health/ready)`, () => httpOk(`http://127.0.0.1:${managementPort}/health/ready`), {
        timeoutMs: readyTimeoutMs,
        log,
        failed,
      });
      await waitFor(`the realm at ${wellKnown}`, () => httpOk(wellKnown), { timeoutMs: 30000, log, failed });
    } catch (error) {
      await stop();
      throw new Error(`${(error as Error).message}\n(log: ${logFile})\n${exitCode === undefined ? tail(logFile) : ''}`.trimEnd());
    }
    log(`Keycloak ready at ${issuerUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { url, issuerUrl, startedHere: true, logFile, pid, exited, stopRequested: () => stopping !== undefined, stop };
  } catch (error) {
    if (!child) {
      cleanup();
      releaseLock(lockFile);
    }
    throw error;
  }
}
