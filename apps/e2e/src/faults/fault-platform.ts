import { SERVICES, startPlatform, type KeycloakHandle, type RunningPlatform, type ServiceName } from '@rd/devstack';
import { freePort, startPrivateNats, startPrivatePostgres, testSubjectPrefix, type PrivateNats, type PrivatePostgres } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

/** The service whose database gets its own PostgreSQL server, so its outage leaves the others running. */
export const OUTAGE_DATABASE_SERVICE: ServiceName = 'reporting';

export interface FaultPlatform {
  platform: RunningPlatform;
  nats: PrivateNats;
  /** Holds every service's database but the outage one's. */
  pg: PrivatePostgres;
  /** Holds OUTAGE_DATABASE_SERVICE's database only. */
  outagePg: PrivatePostgres;
  prefix: string;
  logDir: string;
  /** Runs one query on a service's database (as its owner: the checks read every table). */
  query<R extends Record<string, unknown>>(service: ServiceName, sql: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/**
 * The whole platform (every service and the gateway as processes, demo data) on a private nats-server and two
 * private PostgreSQL clusters that the fault tests may kill; Keycloak is the suite's shared one (never a fault here).
 */
export async function startFaultPlatform(keycloak: KeycloakHandle, log: (line: string) => void): Promise<FaultPlatform> {
  const [nats, pg, outagePg] = await Promise.all([startPrivateNats(), startPrivatePostgres(), startPrivatePostgres()]);
  const prefix = testSubjectPrefix();
  const logDir = join(__dirname, '..', '..', '..', '..', 'test-output', 'faults-logs', prefix);
  const databases = Object.fromEntries(SERVICES.map((service) => [service, `rd_faults_${service}`])) as Record<ServiceName, string>;
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      natsUrl: nats.url,
      pgAdminUrl: pg.url,
      pgAdminUrls: { [OUTAGE_DATABASE_SERVICE]: outagePg.url },
      databases,
      prefix,
      gatewayPort: await freePort(),
      issuerUrl: keycloak.issuerUrl,
      corsOrigins: [],
      logDir,
      messagesDir: join(logDir, 'messages'),
      seedDemo: true,
      extraEnv: {
        RATE_LIMIT_PER_IP: '100000000',
        RATE_LIMIT_PER_USER: '100000000',
        AUDIT_SPOOL_DIR: join(logDir, 'audit-spool'),
        // A claim of a killed gateway is taken over 30 s after this: 10 s keeps the gateway-kill row short.
        IDEMPOTENCY_LATE_REPLY_MS: '10000',
      },
      log,
    });
  } catch (error) {
    await Promise.all([nats.stop(), pg.stop(), outagePg.stop()]);
    throw error;
  }
  const query = async <R extends Record<string, unknown>>(service: ServiceName, sql: string, params: unknown[] = []): Promise<R[]> => {
    const db = new Client({ connectionString: platform.migrationUrls[service], connectionTimeoutMillis: 5_000 });
    await db.connect();
    try {
      return (await db.query<R>(sql, params)).rows;
    } finally {
      await db.end();
    }
  };
  return {
    platform,
    nats,
    pg,
    outagePg,
    prefix,
    logDir,
    query,
    stop: async () => {
      await platform.stop();
      await Promise.all([nats.stop(), pg.stop(), outagePg.stop()]);
    },
  };
}

/** `count` held meetings in Isfara straight in the meetings database: minutes and feedback need one each. */
export async function insertHeldMeetings(fault: FaultPlatform, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await fault.query(
    'meetings',
    `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at)
     select id, 'local', 'Fault reporting day', 'isfara', 'sughd', 'Asia/Dushanbe', now(), '2026-Q4', 'School No. 1', 'school', 'police', 'held', 'faults', now(), now()
     from unnest($1::uuid[]) as id`,
    [ids],
  );
  return ids;
}
