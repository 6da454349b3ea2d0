import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appPrivilegesOf, provisionServiceDatabase, roleDatabaseUrl, serviceRoleNames } from '@rd/database-roles';
import { startMessageCatcher, type MessageCatcher } from './message-catcher';
import { httpOk, isPortOpen, run, sleep } from './process';

export const SERVICES = ['communities', 'meetings', 'notifications', 'reporting', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Repository root, found from this file's place in libs/devstack/src. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface PlatformOptions {
  natsUrl: string;
  /** Admin connection to the PostgreSQL server that holds every service's database. */
  pgAdminUrl: string;
  /** Database name per service (created when missing, with its owner and app roles `rd_<service>_owner|app`). */
  databases: Record<ServiceName, string>;
  prefix: string;
  gatewayPort: number;
  issuerUrl: string;
  corsOrigins: string[];
  logDir: string;
  seedDemo: boolean;
  /** Extra environment for the gateway (e.g. rate limits for benchmarks). */
  extraEnv?: Record<string, string>;
  /** Echo service logs to this process's stdout, prefixed with the service name. */
  echoLogs?: boolean;
  /** Where notifications' emails (.eml) and SMS (sms.jsonl) land; default `<logDir>/../messages`. */
  messagesDir?: string;
  log?: (line: string) => void;
}

export interface RunningPlatform {
  gatewayUrl: string;
  /** Each service's database as its application role (what the service itself uses). */
  databaseUrls: Record<ServiceName, string>;
  /** Each service's database as its owner role (what its migrations use). */
  migrationUrls: Record<ServiceName, string>;
  /** The loopback SMTP server and SMS gateway notifications sends to, and the folder they write. */
  messages: Pick<MessageCatcher, 'dir' | 'smtpUrl' | 'smsUrl'>;
  stop(): Promise<void>;
}

/** Fails with what is missing and how to start it. */
export async function checkInfrastructure(natsUrl: string, pgAdminUrl: string): Promise<void> {
  const pg = new URL(pgAdminUrl);
  const nats = new URL(natsUrl.replace(/^nats:/, 'http:'));
  const missing: string[] = [];
  if (!(await isPortOpen(Number(pg.port || 5432), pg.hostname))) {
    missing.push(
      `PostgreSQL is not answering at ${pg.host}. Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_ADMIN_URL.`,
    );
  }
  if (!(await isPortOpen(Number(nats.port || 4222), nats.hostname))) {
    missing.push(
      `NATS is not answering at ${nats.host}. Start it with JetStream: nats-server -js -a 127.0.0.1 -p 4222 -sd /var/lib/nats-server (or set NATS_URL).`,
    );
  }
  if (missing.length) throw new Error(missing.join('\n'));
}

/**
 * Creates each service's database when missing, with its owner role (migrations) and application role (the running
 * service), and hands objects an older superuser-run stack created to the owner (docs/adr/0024-database-roles-and-audit-chain.md).
 * Roles carry no password: the local server trusts loopback.
 */
export async function ensureDatabases(pgAdminUrl: string, databases: Record<ServiceName, string>): Promise<{ app: Record<ServiceName, string>; owner: Record<ServiceName, string> }> {
  const app = {} as Record<ServiceName, string>;
  const owner = {} as Record<ServiceName, string>;
  for (const service of SERVICES) {
    const roles = serviceRoleNames('rd', service);
    await provisionServiceDatabase(pgAdminUrl, { database: databases[service], ...roles, appPrivileges: appPrivilegesOf(service) }, 'if-missing');
    app[service] = roleDatabaseUrl(pgAdminUrl, roles.app, databases[service]);
    owner[service] = roleDatabaseUrl(pgAdminUrl, roles.owner, databases[service]);
  }
  return { app, owner };
}

/** Node with the swc loader: runs TypeScript sources with decorator metadata and the @rd/* aliases. */
function nodeArgs(entry: string, args: string[] = []): string[] {
  return ['--enable-source-maps', '-r', '@swc-node/register', join(REPO_ROOT, entry), ...args];
}

function tsEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), ...extra };
}

/**
 * Creates the databases, applies migrations (and demo data), starts the services and the
 * gateway as child processes, and waits until the gateway answers and every service listens.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(options.logDir, { recursive: true });
  await checkInfrastructure(options.natsUrl, options.pgAdminUrl);
  const { app: databaseUrls, owner: migrationUrls } = await ensureDatabases(options.pgAdminUrl, options.databases);

  const common = { NATS_URL: options.natsUrl, NATS_SUBJECT_PREFIX: options.prefix };
  await Promise.all(
    SERVICES.map(async (service) => {
      const args = service === 'communities' && options.seedDemo ? ['--seed-demo'] : [];
      const result = await run(process.execPath, nodeArgs(`services/${service}/src/migrate.ts`, args), {
        cwd: REPO_ROOT,
        env: tsEnv({ ...common, DATABASE_URL: databaseUrls[service], DATABASE_MIGRATION_URL: migrationUrls[service] }),
      });
      if (result.code !== 0) throw new Error(`${service} migrations failed:\n${result.output}`);
      log(result.output.trim().split('\n').filter((line) => line.startsWith(`${service}:`)).join('\n'));
    }),
  );

  const catcher = await startMessageCatcher({ dir: options.messagesDir ?? join(options.logDir, '..', 'messages') });
  const serviceEnv: Partial<Record<ServiceName, Record<string, string>>> = {
    notifications: {
      SMTP_URL: catcher.smtpUrl,
      SMS_GATEWAY_URL: catcher.smsUrl,
      SMS_GATEWAY_FORMAT: 'json',
      ...(options.corsOrigins[0] ? { CONSOLE_URL: options.corsOrigins[0] } : {}),
    },
  };
  log(`notifications: emails land in ${catcher.dir} (.eml), SMS in ${join(catcher.dir, 'sms.jsonl')}`);

  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const launch = (name: string, entry: string, env: Record<string, string>, readyLine: RegExp) => {
    const child = spawn(process.execPath, nodeArgs(entry), { cwd: REPO_ROOT, env: tsEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const file = createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' });
    ready.push(
      new Promise<void>((resolveReady, rejectReady) => {
        const onData = (chunk: Buffer) => {
          const text = chunk.toString();
          file.write(text);
          if (options.echoLogs) text.split('\n').filter(Boolean).forEach((line) => process.stdout.write(`[${name}] ${line}\n`));
          if (readyLine.test(text)) resolveReady();
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code) => rejectReady(new Error(`${name} exited with ${code}; see ${join(options.logDir, `${name}.log`)}`)));
      }),
    );
  };

  for (const service of SERVICES) {
    launch(service, `services/${service}/src/main.ts`, { ...common, DATABASE_URL: databaseUrls[service], ...serviceEnv[service] }, /listening on nats/);
  }
  launch(
    'gateway',
    'apps/gateway/src/main.ts',
    {
      ...common,
      GATEWAY_PORT: String(options.gatewayPort),
      KEYCLOAK_ISSUER_URL: options.issuerUrl,
      CORS_ORIGINS: options.corsOrigins.join(','),
      ...options.extraEnv,
    },
    /listening on http/,
  );

  const stop = async () => {
    await stopChildren();
    await catcher.stop();
  };
  const stopChildren = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolveStop) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
            const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(killer);
              resolveStop();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    await Promise.race([Promise.all(ready), sleep(120_000).then(() => Promise.reject(new Error('platform did not start within 120 s')))]);
    const gatewayUrl = `http://127.0.0.1:${options.gatewayPort}/api/v1`;
    if (!(await httpOk(`${gatewayUrl}/health`, 5000))) throw new Error('gateway does not answer /health');
    return { gatewayUrl, databaseUrls, migrationUrls, messages: { dir: catcher.dir, smtpUrl: catcher.smtpUrl, smsUrl: catcher.smsUrl }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
