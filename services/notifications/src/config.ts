import { assertSubjectPrefix } from '@rd/contracts';
import { natsEnvShape, natsSettingsFromEnv, type NatsSettings } from '@rd/messaging';
import { z } from 'zod';

const EnvSchema = z.object({
  // The application role: DML on the service's tables, no DDL (docs/adr/0024-database-roles-and-audit-chain.md).
  DATABASE_URL: z.string().url().default('postgres://rd_notifications_app@127.0.0.1:5432/rd_notifications'),
  // The owner role, read by migrate.ts only. Required once DATABASE_URL is set: never falls back to the app URL.
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  ...natsEnvShape,
  NATS_SUBJECT_PREFIX: z.string().default('rd').transform(assertSubjectPrefix),
  /** smtp://user:pass@host:port (smtps:// for implicit TLS). */
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Reporting Days <no-reply@reporting-days.local>'),
  /** The SMS gateway endpoint; empty: SMS deliveries fail permanently with "no SMS gateway configured". */
  SMS_GATEWAY_URL: z.string().url().or(z.literal('')).default(''),
  /** twilio: form POST To/From/Body with basic auth (Twilio Messages API shape); json: {"to","from","text"} with a bearer token. */
  SMS_GATEWAY_FORMAT: z.enum(['twilio', 'json']).default('json'),
  /** "user:password" for twilio (basic auth), a token for json (Authorization: Bearer). */
  SMS_GATEWAY_AUTH: z.string().default(''),
  SMS_FROM: z.string().default('ReportingDays'),
  /** Where links in messages point. */
  CONSOLE_URL: z.string().url().default('http://localhost:4200'),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** First retry delay; doubles each attempt (with jitter), capped at one hour. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  /** Backstop poll of the scheduled items and the send queue. */
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).default(2_000),
  /** Parallel sends per replica. */
  NOTIFY_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
});

export interface NotificationsConfig extends NatsSettings {
  databaseUrl: string;
  /** The owner role's URL, for migrations only; undefined when DATABASE_URL is set without it. */
  migrationDatabaseUrl?: string;
  prefix: string;
  smtpUrl: string;
  mailFrom: string;
  sms: { url: string; format: 'twilio' | 'json'; auth: string; from: string };
  consoleUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  sendConcurrency: number;
}

/** The only place that reads the environment; fails fast on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const parsed = EnvSchema.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    migrationDatabaseUrl: parsed.DATABASE_MIGRATION_URL ?? (env.DATABASE_URL ? undefined : 'postgres://rd_notifications_owner@127.0.0.1:5432/rd_notifications'),
    ...natsSettingsFromEnv(parsed),
    prefix: parsed.NATS_SUBJECT_PREFIX,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    sms: { url: parsed.SMS_GATEWAY_URL, format: parsed.SMS_GATEWAY_FORMAT, auth: parsed.SMS_GATEWAY_AUTH, from: parsed.SMS_FROM },
    consoleUrl: parsed.CONSOLE_URL.replace(/\/$/, ''),
    maxAttempts: parsed.NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: parsed.NOTIFY_RETRY_BASE_MS,
    pollMs: parsed.NOTIFY_POLL_MS,
    sendConcurrency: parsed.NOTIFY_SEND_CONCURRENCY,
  };
}

/** Config for code that does not need the environment (tests build one directly). */
export function configWith(overrides: Partial<NotificationsConfig> & Pick<NotificationsConfig, 'databaseUrl' | 'natsUrl' | 'prefix'>): NotificationsConfig {
  return { ...loadConfig({}), ...overrides };
}
