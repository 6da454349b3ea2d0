/**
 * The console container's server (apps/console/Dockerfile): serves the Vite build with the dev stack's
 * node:http static server (libs/devstack/src/console-server.ts — security headers, SPA fallback, no path
 * traversal) and answers `/config.json` from the environment, so one image runs in every environment.
 *
 * Environment (same names `vite serve` reads, see apps/console/.env.example):
 *   CONSOLE_API_URL            gateway base URL as the browser sees it   http://localhost:3000/api/v1
 *   CONSOLE_KEYCLOAK_URL       Keycloak base URL as the browser sees it  http://localhost:8180
 *   CONSOLE_KEYCLOAK_REALM     realm                                     reporting-days
 *   CONSOLE_KEYCLOAK_CLIENT_ID public OIDC client                        rd-console
 *   CONSOLE_MAP_TILE_URL       map tile template; the CSP allows its origin  OpenStreetMap's public server
 *   CONSOLE_HOST               listen address (the image sets 0.0.0.0)   127.0.0.1
 *   CONSOLE_PORT               listen port                               4200
 *   CONSOLE_DIST_DIR           the Vite build                            dist/apps/console
 *
 * It is compiled with tsc into the image (infra/docker/tsconfig.console-server.json) and needs no node_modules.
 * Fine behind a proxy or on localhost; for an internet-facing console put nginx or a CDN in front of the build.
 */
import { resolve } from 'node:path';
import { startConsoleServer, tileImageOrigins, type ConsoleRuntimeConfig } from '../../libs/devstack/src/console-server';

export interface ConsoleContainerConfig {
  host: string;
  port: number;
  distDir: string;
  runtime: ConsoleRuntimeConfig;
}

function httpUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be http(s), got "${value}"`);
  return value;
}

function nonEmpty(value: string, name: string): string {
  if (!value.trim()) throw new Error(`${name} must not be empty`);
  return value.trim();
}

function tileTemplate(value: string, name: string): string {
  try {
    tileImageOrigins(value);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  return value;
}

function tcpPort(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a TCP port, got "${value}"`);
  return port;
}

/** The only place that reads the console container's environment; fails fast on bad values. */
// eslint-disable-next-line no-process-env -- this entrypoint's one read of its environment
export function consoleContainerConfig(env: NodeJS.ProcessEnv = process.env): ConsoleContainerConfig {
  return {
    host: nonEmpty(env.CONSOLE_HOST ?? '127.0.0.1', 'CONSOLE_HOST'),
    port: tcpPort(env.CONSOLE_PORT ?? '4200', 'CONSOLE_PORT'),
    distDir: resolve(env.CONSOLE_DIST_DIR ?? 'dist/apps/console'),
    runtime: {
      apiUrl: httpUrl(env.CONSOLE_API_URL ?? 'http://localhost:3000/api/v1', 'CONSOLE_API_URL'),
      keycloakUrl: httpUrl(env.CONSOLE_KEYCLOAK_URL ?? 'http://localhost:8180', 'CONSOLE_KEYCLOAK_URL'),
      realm: nonEmpty(env.CONSOLE_KEYCLOAK_REALM ?? 'reporting-days', 'CONSOLE_KEYCLOAK_REALM'),
      clientId: nonEmpty(env.CONSOLE_KEYCLOAK_CLIENT_ID ?? 'rd-console', 'CONSOLE_KEYCLOAK_CLIENT_ID'),
      // Unset or empty: the console server's default tile server.
      ...(env.CONSOLE_MAP_TILE_URL ? { mapTileUrl: tileTemplate(env.CONSOLE_MAP_TILE_URL, 'CONSOLE_MAP_TILE_URL') } : {}),
    },
  };
}

async function main(): Promise<void> {
  const config = consoleContainerConfig();
  const server = await startConsoleServer({ host: config.host, port: config.port, distDir: config.distDir, config: config.runtime });
  console.log(`console: serving ${config.distDir} on ${server.url} (api ${config.runtime.apiUrl}, keycloak ${config.runtime.keycloakUrl})`);
  const stop = (signal: string) => {
    console.log(`console: ${signal}, closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(`console: ${(error as Error).message}`);
    process.exit(1);
  });
}
