import { assertSubjectPrefix } from '@rd/contracts';
import { natsAuthFromEnv, natsEnvShape, natsSettingsFromEnv, type NatsAuth, type NatsSettings } from '@rd/messaging';
import { z } from 'zod';
import { DEFAULT_EXPORTS_OPTIONS, type ExportsOptions } from './exports/exports.options';

const EnvSchema = z.object({
  // The application role: DML on the service's tables, no DDL (docs/adr/0024-database-roles-and-audit-chain.md).
  DATABASE_URL: z.string().url().default('postgres://rd_reporting_app@127.0.0.1:5432/rd_reporting'),
  // The owner role, read by migrate.ts only. Required once DATABASE_URL is set: never falls back to the app URL.
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  ...natsEnvShape,
  NATS_SUBJECT_PREFIX: z.string().default('rd').transform(assertSubjectPrefix),
  REPORTING_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  // Export jobs (docs/adr/0017-report-exports.md).
  EXPORT_STORAGE: z.enum(['db', 'files']).default(DEFAULT_EXPORTS_OPTIONS.storage),
  EXPORT_FILES_DIR: z.string().min(1).default(DEFAULT_EXPORTS_OPTIONS.filesDir),
  EXPORT_WORKER: z.enum(['on', 'off']).default('on'),
  EXPORT_TTL_HOURS: z.coerce.number().positive().default(DEFAULT_EXPORTS_OPTIONS.ttlHours),
  EXPORT_STALE_AFTER_MS: z.coerce.number().int().min(1000).default(DEFAULT_EXPORTS_OPTIONS.staleAfterMs),
  EXPORT_HEARTBEAT_MS: z.coerce.number().int().min(100).default(DEFAULT_EXPORTS_OPTIONS.heartbeatMs),
  EXPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_EXPORTS_OPTIONS.maxBytes),
  EXPORT_THROTTLE_MS: z.coerce.number().int().min(0).default(DEFAULT_EXPORTS_OPTIONS.throttleMs),
  EXPORT_PDF_FONT: z.string().optional(),
  EXPORT_PDF_FONT_BOLD: z.string().optional(),
  // Only for rebuild.ts: the `ops` NATS user's URL, allowed to delete reporting's durable consumers in production.
  REBUILD_OPS_NATS_URL: z.string().optional(),
  // The `ops` user's password on a production NATS (with NATS_TLS_CA as for the service's own user).
  REBUILD_OPS_NATS_PASSWORD: z.string().min(1).optional(),
});

export interface ReportingConfig extends NatsSettings {
  databaseUrl: string;
  /** The owner role's URL, for migrations only; undefined when DATABASE_URL is set without it. */
  migrationDatabaseUrl?: string;
  prefix: string;
  /** rebuild.ts deletes reporting's consumers through this (the `ops` user in production); natsUrl when absent. */
  rebuildOpsNatsUrl?: string;
  /** The `ops` user's credentials for rebuildOpsNatsUrl (REBUILD_OPS_NATS_PASSWORD). */
  rebuildOpsAuth?: NatsAuth;
  /** Small-group suppression threshold of reports and exports (default 5). */
  suppressionThreshold?: number;
  /** Now (tests fix it); the wall clock by default. */
  clock?: () => Date;
  /** Export jobs; defaults (DEFAULT_EXPORTS_OPTIONS) for what is not given. */
  exports?: Partial<ExportsOptions>;
}

/** The only place that reads the environment; fails fast on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  const parsed = EnvSchema.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    migrationDatabaseUrl: parsed.DATABASE_MIGRATION_URL ?? (env.DATABASE_URL ? undefined : 'postgres://rd_reporting_owner@127.0.0.1:5432/rd_reporting'),
    ...natsSettingsFromEnv(parsed),
    rebuildOpsNatsUrl: parsed.REBUILD_OPS_NATS_URL,
    rebuildOpsAuth: parsed.REBUILD_OPS_NATS_PASSWORD
      ? natsAuthFromEnv({ NATS_USER: 'ops', NATS_PASSWORD: parsed.REBUILD_OPS_NATS_PASSWORD, NATS_TLS_CA: parsed.NATS_TLS_CA })
      : undefined,
    prefix: parsed.NATS_SUBJECT_PREFIX,
    suppressionThreshold: parsed.REPORTING_SUPPRESSION_THRESHOLD,
    exports: {
      storage: parsed.EXPORT_STORAGE,
      filesDir: parsed.EXPORT_FILES_DIR,
      workerEnabled: parsed.EXPORT_WORKER === 'on',
      ttlHours: parsed.EXPORT_TTL_HOURS,
      staleAfterMs: parsed.EXPORT_STALE_AFTER_MS,
      heartbeatMs: parsed.EXPORT_HEARTBEAT_MS,
      maxBytes: parsed.EXPORT_MAX_BYTES,
      throttleMs: parsed.EXPORT_THROTTLE_MS,
      pdfFont: parsed.EXPORT_PDF_FONT,
      pdfFontBold: parsed.EXPORT_PDF_FONT_BOLD,
    },
  };
}
