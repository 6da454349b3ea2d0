import { assertSubjectPrefix } from '@rd/contracts';
import { natsEnvShape, natsSettingsFromEnv, type NatsSettings } from '@rd/messaging';
import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/rd_meetings'),
  ...natsEnvShape,
  NATS_SUBJECT_PREFIX: z.string().default('rd').transform(assertSubjectPrefix),
});

export interface MeetingsConfig extends NatsSettings {
  databaseUrl: string;
  prefix: string;
}

/** The only place that reads the environment; fails fast on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): MeetingsConfig {
  const parsed = EnvSchema.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    ...natsSettingsFromEnv(parsed),
    prefix: parsed.NATS_SUBJECT_PREFIX,
  };
}
