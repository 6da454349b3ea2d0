import { homedir } from 'node:os';
import { join } from 'node:path';

/** Settings of the local dev stack, read from the environment once. */
export interface DevstackConfig {
  /** Root of the machine-wide cache, outside git: `$RD_CACHE_DIR` or `${XDG_CACHE_HOME:-$HOME/.cache}/reporting-days`. */
  cacheRoot: string;
  /** `JAVA_HOME` of the calling shell, if any. */
  javaHome: string | undefined;
  /** Password of every demo user in the realm (`RD_DEMO_PASSWORD`, default `demo-password-1`). */
  demoPassword: string;
  /** Bootstrap admin of the master realm (`RD_KEYCLOAK_ADMIN_PASSWORD`, default `admin`; loopback only). */
  adminPassword: string;
  /** Keycloak HTTP port (`RD_KEYCLOAK_PORT`, default 8180). */
  keycloakPort: number;
  /** Keycloak management (health) port (`RD_KEYCLOAK_MANAGEMENT_PORT`, default 9180). */
  keycloakManagementPort: number;
  /** PATH of the caller, to find mvn, unzip and jar. */
  path: string;
  /** NATS with JetStream (`NATS_URL`, default nats://127.0.0.1:4222). */
  natsUrl: string;
  /** PostgreSQL admin connection that creates the service databases (`DATABASE_ADMIN_URL`). */
  pgAdminUrl: string;
  /** Subject prefix of this deployment (`NATS_SUBJECT_PREFIX`, default `rd`). */
  subjectPrefix: string;
  /** Gateway port (`GATEWAY_PORT`, default 3000). */
  gatewayPort: number;
  /** Console port (`CONSOLE_PORT`, default 4200). */
  consolePort: number;
  /** Map tile URL template for the console (`RD_MAP_TILE_URL`); OpenStreetMap's public server without it (the CSP allows that one). */
  mapTileUrl: string | undefined;
}

export const DEFAULT_DEMO_PASSWORD = 'demo-password-1';

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) throw new Error(`${name} must be a TCP port, got "${value}"`);
  return parsed;
}

/** Parses the dev-stack environment; the only place in this library that reads `process.env`. */
 
export function devstackConfig(env: NodeJS.ProcessEnv = process.env): DevstackConfig {
  const xdgCache = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return {
    cacheRoot: env.RD_CACHE_DIR || join(xdgCache, 'reporting-days'),
    javaHome: env.JAVA_HOME || undefined,
    demoPassword: env.RD_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    adminPassword: env.RD_KEYCLOAK_ADMIN_PASSWORD || 'admin',
    keycloakPort: port(env.RD_KEYCLOAK_PORT, 8180, 'RD_KEYCLOAK_PORT'),
    keycloakManagementPort: port(env.RD_KEYCLOAK_MANAGEMENT_PORT, 9180, 'RD_KEYCLOAK_MANAGEMENT_PORT'),
    path: env.PATH ?? '',
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    pgAdminUrl: env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    subjectPrefix: env.NATS_SUBJECT_PREFIX || 'rd',
    gatewayPort: port(env.GATEWAY_PORT, 3000, 'GATEWAY_PORT'),
    consolePort: port(env.CONSOLE_PORT, 4200, 'CONSOLE_PORT'),
    mapTileUrl: env.RD_MAP_TILE_URL || undefined,
  };
}

/** The environment handed to child processes (PATH, HOME, locale…), plus overrides. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
   
  return { ...process.env, ...overrides };
}
