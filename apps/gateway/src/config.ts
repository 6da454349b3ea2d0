import { assertSubjectPrefix } from '@rd/contracts';
import { natsEnvShape, natsSettingsFromEnv, type NatsSettings } from '@rd/messaging';
import { z } from 'zod';

const list = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const EnvSchema = z.object({
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ...natsEnvShape,
  NATS_SUBJECT_PREFIX: z.string().default('rd').transform(assertSubjectPrefix),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // How long a write with an Idempotency-Key keeps waiting for its service after answering 503 (docs/adr/0029).
  IDEMPOTENCY_LATE_REPLY_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  KEYCLOAK_ISSUER_URL: z.string().url().default('http://localhost:8180/realms/reporting-days'),
  // Where to fetch the realm keys when that differs from the issuer (e.g. inside a container network).
  KEYCLOAK_JWKS_URL: z.string().url().optional(),
  KEYCLOAK_AUDIENCE: z.string().default('rd-gateway'),
  // Unset: rd-console, plus the test-only rd-test-cli outside production mode (see allowedClientsFrom).
  KEYCLOAK_ALLOWED_CLIENTS: list.optional(),
  // Set only where the dev realm (with its password-grant test client) is imported: npm start, tests, docker-compose.
  KEYCLOAK_DEV_REALM: z.enum(['true', 'false']).optional(),
  KEYCLOAK_JWKS_REFRESH_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  // User administration through Keycloak's Admin REST API with the rd-user-admin service account (docs/adr/0033).
  // Unset URL: the issuer's Keycloak. The secret has a default only where the dev realm is imported.
  KEYCLOAK_ADMIN_URL: z.string().url().optional(),
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().min(1).default('rd-user-admin'),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1).optional(),
  KEYCLOAK_ADMIN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // Where invitation and password-reset links lead afterwards; unset: the first CORS origin.
  CONSOLE_URL: z.string().url().optional(),
  USER_INVITATION_LIFESPAN_SECONDS: z.coerce.number().int().min(300).max(30 * 86_400).default(3 * 86_400),
  NODE_ENV: z.string().optional(),
  CORS_ORIGINS: list.default(['http://localhost:4200']),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(600),
  // Answers to the public resident survey per address and window (ADR 46): a village may share one operator address.
  RATE_LIMIT_SURVEY_ANSWERS_PER_IP: z.coerce.number().int().min(1).default(60),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  // Local durable queue for audit records JetStream did not take in time; unset: such requests are answered 503 (ADR 3).
  AUDIT_SPOOL_DIR: z.string().min(1).optional(),
  AUDIT_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1000),
  // Directory with DejaVu Sans (Cyrillic) for the minutes PDF; unset: the standard font directories (ADR 40).
  MINUTES_PDF_FONT_DIR: z.string().min(1).optional(),
});

export interface GatewayConfig extends NatsSettings {
  host: string;
  port: number;
  prefix: string;
  rpcTimeoutMs: number;
  idempotencyLateReplyMs: number;
  issuerUrl: string;
  jwksUrl?: string;
  audience: string;
  allowedClients: string[];
  jwksRefreshSeconds: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimit: { windowMs: number; perIp: number; perUser: number; surveyAnswersPerIp: number };
  audit: { spoolDir?: string; publishTimeoutMs: number };
  minutesPdfFontDir?: string;
  userAdmin: {
    keycloak: { baseUrl: string; realm: string; clientId: string; clientSecret: string; timeoutMs: number };
    links: { consoleUrl: string; linkClientId: string; linkLifespanSeconds: number };
  };
}

/** The dev realm's default secret of rd-user-admin (infra/keycloak/reporting-days-realm.json). */
export const DEV_USER_ADMIN_SECRET = 'dev-user-admin-secret';

/** The only place that reads the environment; fails fast on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const e = EnvSchema.parse(env);
  return {
    host: e.GATEWAY_HOST,
    port: e.GATEWAY_PORT,
    ...natsSettingsFromEnv(e),
    prefix: e.NATS_SUBJECT_PREFIX,
    rpcTimeoutMs: e.RPC_TIMEOUT_MS,
    idempotencyLateReplyMs: Math.max(e.IDEMPOTENCY_LATE_REPLY_MS, e.RPC_TIMEOUT_MS),
    issuerUrl: e.KEYCLOAK_ISSUER_URL,
    jwksUrl: e.KEYCLOAK_JWKS_URL,
    audience: e.KEYCLOAK_AUDIENCE,
    allowedClients: allowedClientsFrom(e.KEYCLOAK_ALLOWED_CLIENTS, e.NODE_ENV === 'production', e.KEYCLOAK_DEV_REALM),
    jwksRefreshSeconds: e.KEYCLOAK_JWKS_REFRESH_SECONDS,
    corsOrigins: e.CORS_ORIGINS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimit: { windowMs: e.RATE_LIMIT_WINDOW_MS, perIp: e.RATE_LIMIT_PER_IP, perUser: e.RATE_LIMIT_PER_USER, surveyAnswersPerIp: e.RATE_LIMIT_SURVEY_ANSWERS_PER_IP },
    audit: { spoolDir: e.AUDIT_SPOOL_DIR, publishTimeoutMs: e.AUDIT_PUBLISH_TIMEOUT_MS },
    userAdmin: userAdminFrom(e),
    minutesPdfFontDir: e.MINUTES_PDF_FONT_DIR,
  };
}

/** Keycloak's base URL and realm from the issuer (`<base>/realms/<realm>`), the service account and the link target. */
function userAdminFrom(e: z.infer<typeof EnvSchema>): GatewayConfig['userAdmin'] {
  const issuer = /^(.*)\/realms\/([^/]+)\/?$/.exec(e.KEYCLOAK_ISSUER_URL);
  if (!issuer) throw new Error(`KEYCLOAK_ISSUER_URL ${e.KEYCLOAK_ISSUER_URL} does not end in /realms/<realm>`);
  const production = e.NODE_ENV === 'production';
  const dev = e.KEYCLOAK_DEV_REALM === undefined ? !production : e.KEYCLOAK_DEV_REALM === 'true';
  const secret = e.KEYCLOAK_ADMIN_CLIENT_SECRET ?? (dev ? DEV_USER_ADMIN_SECRET : undefined);
  if (secret === undefined) throw new Error('KEYCLOAK_ADMIN_CLIENT_SECRET is required outside the dev realm (the rd-user-admin secret, RD_USER_ADMIN_SECRET of the realm)');
  return {
    keycloak: { baseUrl: (e.KEYCLOAK_ADMIN_URL ?? issuer[1]).replace(/\/$/, ''), realm: issuer[2], clientId: e.KEYCLOAK_ADMIN_CLIENT_ID, clientSecret: secret, timeoutMs: e.KEYCLOAK_ADMIN_TIMEOUT_MS },
    links: { consoleUrl: e.CONSOLE_URL ?? e.CORS_ORIGINS[0] ?? 'http://localhost:4200', linkClientId: 'rd-console', linkLifespanSeconds: e.USER_INVITATION_LIFESPAN_SECONDS },
  };
}

export const TEST_CLIENT = 'rd-test-cli';

/**
 * Which clients' tokens the gateway accepts. The password-grant test client exists only in the dev realm, so it
 * is accepted only there: in production mode (NODE_ENV=production) an unset list means `rd-console` alone (fail
 * closed), and naming `rd-test-cli` is refused at boot unless KEYCLOAK_DEV_REALM=true says the dev realm is in use.
 */
export function allowedClientsFrom(configured: string[] | undefined, production: boolean, devRealm: 'true' | 'false' | undefined): string[] {
  const dev = devRealm === undefined ? !production : devRealm === 'true';
  const clients = configured ?? (dev ? ['rd-console', TEST_CLIENT] : ['rd-console']);
  if (clients.includes(TEST_CLIENT) && !dev) {
    throw new Error(`KEYCLOAK_ALLOWED_CLIENTS names the test-only client ${TEST_CLIENT}, which only the dev realm has: remove it, or set KEYCLOAK_DEV_REALM=true where the dev realm is imported`);
  }
  if (clients.length === 0) throw new Error('KEYCLOAK_ALLOWED_CLIENTS is empty: no token could be accepted');
  return clients;
}
