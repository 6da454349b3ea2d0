import { buildConsole } from './console-build';
import { startConsoleServer } from './console-server';
import { ensureKeycloak } from './keycloak';
import { DEMO_LOGINS } from './demo-logins';
import { seedDemoActivity } from './demo-activity';
import { seedDemoHistory } from './demo-history';
import { seedDemoMemberships } from './demo-memberships';
import { SERVICES, startPlatform, type ServiceName } from './platform';
import { devstackConfig } from './config';
import { join } from 'node:path';
import { REPO_ROOT } from './platform';

/** `npm start`: the whole platform with demo data on this machine, stopped with Ctrl-C. */
async function main(): Promise<void> {
  const started = Date.now();
  const env = devstackConfig();
  const log = (line: string) => console.log(`[start] ${line}`);
  const keycloak = await ensureKeycloak({ log });
  const consoleUrl = `http://localhost:${env.consolePort}`;
  let stopPlatform: () => Promise<void> = async () => undefined;
  let closeConsole: () => Promise<void> = async () => undefined;
  const shutdown = async (signal: string) => {
    log(`${signal}: stopping…`);
    await closeConsole().catch(() => undefined);
    await stopPlatform().catch(() => undefined);
    await keycloak.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const platform = await startPlatform({
    natsUrl: env.natsUrl,
    pgAdminUrl: env.pgAdminUrl,
    databases: Object.fromEntries(SERVICES.map((service) => [service, `rd_${service}`])) as Record<ServiceName, string>,
    prefix: env.subjectPrefix,
    gatewayPort: env.gatewayPort,
    issuerUrl: keycloak.issuerUrl,
    corsOrigins: [consoleUrl],
    logDir: join(REPO_ROOT, 'tmp', 'logs'),
    seedDemo: true,
    log,
  });
  stopPlatform = platform.stop;
  // Demo data through the gateway, as the demo users, while the console builds; never fatal. First the users'
  // organisations (token claim `organisation`: the police officer approves the minutes of the organising unit,
  // ADR 34), then the programme's history (ADR 35), then the live reporting days, which find the communities active.
  const demoUsers = { gatewayUrl: platform.gatewayUrl, keycloakUrl: keycloak.url, password: env.demoPassword };
  const demo = seedDemoMemberships(demoUsers)
    .then(
      (result) => log(`demo: ${result.summary}`),
      (error: unknown) => log(`warning: the demo users could not be given their organisations (${(error as Error).message})`),
    )
    .then(() => seedDemoHistory(demoUsers))
    .then(
      (result) => log(`demo history: ${result.summary}`),
      (error: unknown) => log(`warning: the demo history could not be recorded (${(error as Error).message}); trends start today`),
    )
    .then(() => seedDemoActivity(demoUsers))
    .then(
      (result) => log(`demo: ${result.summary}`),
      (error: unknown) => log(`warning: the demo reporting days could not be created (${(error as Error).message}); the platform runs without them`),
    );
  const distDir = await buildConsole(log);
  const server = await startConsoleServer({
    port: env.consolePort,
    distDir,
    config: {
      apiUrl: `http://localhost:${env.gatewayPort}/api/v1`,
      keycloakUrl: keycloak.url,
      realm: 'reporting-days',
      clientId: 'rd-console',
      mapTileUrl: env.mapTileUrl,
    },
  });
  closeConsole = () => server.close();
  await demo;

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Reporting Days is running (up in ${seconds} s).

  Console   ${consoleUrl}
  API       http://localhost:${env.gatewayPort}/api/v1  (health: /api/v1/health)
  Keycloak  ${keycloak.url}  (admin console: admin / $RD_KEYCLOAK_ADMIN_PASSWORD, default "admin")
  Logs      tmp/logs/
  Messages  ${platform.messages.dir}  (notification emails as .eml files, SMS in sms.jsonl)

Demo logins (password: ${env.demoPassword === 'demo-password-1' ? 'demo-password-1, or $RD_DEMO_PASSWORD' : '$RD_DEMO_PASSWORD'}):
${DEMO_LOGINS.map((login) => `  ${login.username.padEnd(16)} ${login.description}`).join('\n')}

Press Ctrl-C to stop everything.
`);
}

void main().catch((error) => {
  console.error(`[start] ${(error as Error).message}`);
  process.exit(1);
});
