import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appPrivilegesOf, provisionServiceDatabase, roleDatabaseUrl, serviceRoleNames } from '@rd/database-roles';
import { devstackConfig } from './config';
import { configureKeycloakSmtp } from './keycloak-smtp';
import { startMessageCatcher, type MessageCatcher } from './message-catcher';
import { nodeArgs, platformProcess, REPO_ROOT, tsEnv, type PlatformProcess } from './platform-process';
import { httpOk, isPortOpen, run, sleep } from './process';

export const SERVICES = ['communities', 'meetings', 'notifications', 'reporting', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type PlatformProcessName = ServiceName | 'gateway';

export { REPO_ROOT, type PlatformProcess };

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
  /** Bootstrap admin password of Keycloak's master realm (default: the devstack's), to set the realm's SMTP. */
  keycloakAdminPassword?: string;
  /** Extra environment for the gateway (e.g. rate limits for benchmarks). */
  extraEnv?: Record<string, string>;
  /** Extra environment per process (fault tests: a skewed clock, short timeouts). */
  processEnv?: Partial<Record<PlatformProcessName, Record<string, string>>>;
  /** Another PostgreSQL server for some services' databases (fault tests: one service's database goes down alone). */
  pgAdminUrls?: Partial<Record<ServiceName, string>>;
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
  /** Each service and the gateway, to kill and start again (fault tests). */
  processes: Record<PlatformProcessName, PlatformProcess>;
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
export async function ensureDatabases(
  pgAdminUrl: string,
  databases: Record<ServiceName, string>,
  pgAdminUrls: Partial<Record<ServiceName, string>> = {},
): Promise<{ app: Record<ServiceName, string>; owner: Record<ServiceName, string> }> {
  const app = {} as Record<ServiceName, string>;
  const owner = {} as Record<ServiceName, string>;
  for (const service of SERVICES) {
    const roles = serviceRoleNames('rd', service);
    const adminUrl = pgAdminUrls[service] ?? pgAdminUrl;
    await provisionServiceDatabase(adminUrl, { database: databases[service], ...roles, appPrivileges: appPrivilegesOf(service) }, 'if-missing');
    app[service] = roleDatabaseUrl(adminUrl, roles.app, databases[service]);
    owner[service] = roleDatabaseUrl(adminUrl, roles.owner, databases[service]);
  }
  return { app, owner };
}


/**
 * Creates the databases, applies migrations (and demo data), starts the services and the
 * gateway as child processes, and waits until the gateway answers and every service listens.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(options.logDir, { recursive: true });
  await checkInfrastructure(options.natsUrl, options.pgAdminUrl);
  const { app: databaseUrls, owner: migrationUrls } = await ensureDatabases(options.pgAdminUrl, options.databases, options.pgAdminUrls);

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
  // Keycloak's invitations and password resets (user administration) go to the same catcher.
  await configureKeycloakSmtp({ issuerUrl: options.issuerUrl, smtpUrl: catcher.smtpUrl, adminPassword: options.keycloakAdminPassword ?? devstackConfig().adminPassword }).then(
    () => log(`keycloak: the realm's emails land in ${catcher.dir} too`),
    (error: unknown) => log(`keycloak: could not point the realm's email at the message catcher (${(error as Error).message}); invitations will not be sent`),
  );

  const processes = {} as Record<PlatformProcessName, PlatformProcess>;
  const launch = (name: PlatformProcessName, entry: string, env: Record<string, string>, readyLine: RegExp) => {
    processes[name] = platformProcess({ name, entry, env: { ...env, ...options.processEnv?.[name] }, readyLine, logDir: options.logDir, echoLogs: options.echoLogs });
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
    await Promise.all(Object.values(processes).map((child) => child.stop()));
    await catcher.stop();
  };

  try {
    await Promise.race([Promise.all(Object.values(processes).map((child) => child.start())), sleep(120_000).then(() => Promise.reject(new Error('platform did not start within 120 s')))]);
    const gatewayUrl = `http://127.0.0.1:${options.gatewayPort}/api/v1`;
    if (!(await httpOk(`${gatewayUrl}/health`, 5000))) throw new Error('gateway does not answer /health');
    return { gatewayUrl, databaseUrls, migrationUrls, messages: { dir: catcher.dir, smtpUrl: catcher.smtpUrl, smsUrl: catcher.smsUrl }, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
