import { assertSubjectPrefix } from '@rd/contracts';
import { natsEnvShape, natsSettingsFromEnv, type NatsSettings } from '@rd/messaging';
import { z } from 'zod';

const EnvSchema = z.object({
  // The application role: DML on the service's tables, no DDL (docs/adr/0024-database-roles-and-audit-chain.md).
  DATABASE_URL: z.string().url().default('postgres://rd_audit_app@127.0.0.1:5432/rd_audit'),
  // The owner role, read by migrate.ts only. Required once DATABASE_URL is set: never falls back to the app URL.
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  ...natsEnvShape,
  NATS_SUBJECT_PREFIX: z.string().default('rd').transform(assertSubjectPrefix),
});

export interface AuditConfig extends NatsSettings {
  databaseUrl: string;
  /** The owner role's URL, for migrations only; undefined when DATABASE_URL is set without it. */
  migrationDatabaseUrl?: string;
  prefix: string;
}

/** The only place that reads the environment; fails fast on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AuditConfig {
  const parsed = EnvSchema.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    migrationDatabaseUrl: parsed.DATABASE_MIGRATION_URL ?? (env.DATABASE_URL ? undefined : 'postgres://rd_audit_owner@127.0.0.1:5432/rd_audit'),
    ...natsSettingsFromEnv(parsed),
    prefix: parsed.NATS_SUBJECT_PREFIX,
  };
}
