/** What the global setup publishes to the specs, through the environment of the test workers. */
export interface E2eEnv {
  gatewayUrl: string;
  keycloakUrl: string;
  consoleUrl: string;
  /** The console's tile URL template, on loopback: a spec that wants tiles serves them there (no internet here). */
  mapTileUrl: string;
  prefix: string;
  databaseUrls: Record<string, string>;
  /** Where notifications' emails (.eml) and SMS (sms.jsonl) land. */
  messagesDir: string;
  /** Where each process of the platform (services, gateway) writes its stdout and stderr, one `<name>.log` each. */
  logDir: string;
}

const KEY = 'RD_E2E_ENV';

export function publishE2eEnv(env: E2eEnv): void {
  // eslint-disable-next-line no-process-env -- handing values from globalSetup to the workers
  process.env[KEY] = JSON.stringify(env);
}

export function e2eEnv(): E2eEnv {
  // eslint-disable-next-line no-process-env -- reading what globalSetup handed over
  const raw = process.env[KEY];
  if (!raw) throw new Error('The e2e platform is not running (globalSetup did not publish it)');
  return JSON.parse(raw) as E2eEnv;
}
