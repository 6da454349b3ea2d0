import './register-aliases';
import { ensureKeycloak, startPlatform, SERVICES, type KeycloakHandle, type RunningPlatform } from '@rd/devstack';
import { adminDatabaseUrl, testNatsUrl, testSubjectPrefix } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { publishE2eEnv } from './e2e-env';
import { startConsoleForTests } from './console';

export const E2E_GATEWAY_PORT = 3310;
export const E2E_CONSOLE_PORT = 4310;
/** The console's tile server: nothing listens here unless a spec serves tiles (console-map-tiles), so by default every tile fails. */
export const E2E_TILE_PORT = 4312;

export interface E2eGlobals {
  keycloak: KeycloakHandle;
  platform: RunningPlatform;
  databases: string[];
  prefix: string;
  closeConsole: () => Promise<void>;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`);
  const keycloak = await ensureKeycloak({ log });
  const prefix = testSubjectPrefix();
  const suffix = randomBytes(3).toString('hex');
  const databases = Object.fromEntries(SERVICES.map((service) => [service, `rd_test_e2e_${service}_${suffix}`])) as Record<
    (typeof SERVICES)[number],
    string
  >;
  const consoleUrl = `http://localhost:${E2E_CONSOLE_PORT}`;
  const logDir = join(__dirname, '..', '..', '..', '..', 'test-output', 'e2e-logs', prefix);
  const platform = await startPlatform({
    natsUrl: testNatsUrl(),
    pgAdminUrl: adminDatabaseUrl(),
    databases,
    prefix,
    gatewayPort: E2E_GATEWAY_PORT,
    issuerUrl: keycloak.issuerUrl,
    corsOrigins: [consoleUrl],
    logDir,
    messagesDir: join(logDir, 'messages'),
    seedDemo: true,
    log,
  });
  const mapTileUrl = `http://127.0.0.1:${E2E_TILE_PORT}/tiles/{z}/{x}/{y}.png`;
  const closeConsole = await startConsoleForTests({
    port: E2E_CONSOLE_PORT,
    config: { apiUrl: platform.gatewayUrl.replace('127.0.0.1', 'localhost'), keycloakUrl: keycloak.url, realm: 'reporting-days', clientId: 'rd-console', mapTileUrl },
    log,
  });
  const globals: E2eGlobals = { keycloak, platform, databases: Object.values(databases), prefix, closeConsole };
  (globalThis as { __RD_E2E__?: E2eGlobals }).__RD_E2E__ = globals;
  publishE2eEnv({
    gatewayUrl: platform.gatewayUrl,
    keycloakUrl: keycloak.url,
    consoleUrl,
    mapTileUrl,
    prefix,
    databaseUrls: platform.databaseUrls,
    messagesDir: platform.messages.dir,
    logDir,
  });
  log(`platform up in ${((Date.now() - started) / 1000).toFixed(1)} s (prefix ${prefix})`);
}
