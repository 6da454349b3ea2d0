import type { ConnectionOptions } from 'nats';
import { z } from 'zod';
import { inboxPrefixFor } from './inbox-prefix';

/**
 * How a deployable proves itself to a production NATS (infra/nats/nats-production.conf): its NATS user and
 * password, and the CA of the servers' TLS certificate when it is not in the system's trust store.
 */
export interface NatsAuth {
  user: string;
  pass: string;
  tlsCaFile?: string;
}

/** The NATS settings every deployable's config reads (docs/runbooks/production-identity.md, section 2). */
export const natsEnvShape = {
  /** One URL, or a cluster's URLs separated by commas: nats.js picks one and fails over to the others. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().min(1).optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  NATS_TLS_CA: z.string().min(1).optional(),
  /** Copies of each event stream the deployable creates: 3 on a 3-node cluster, so losing a node loses no event. */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
};

interface NatsAuthEnv {
  NATS_USER?: string | undefined;
  NATS_PASSWORD?: string | undefined;
  NATS_TLS_CA?: string | undefined;
}

/** NATS_USER and NATS_PASSWORD together, or neither (the anonymous dev broker); fails fast on half a pair. */
export function natsAuthFromEnv(env: NatsAuthEnv): NatsAuth | undefined {
  if (!env.NATS_USER && !env.NATS_PASSWORD) {
    if (env.NATS_TLS_CA) throw new Error('NATS_TLS_CA is set without NATS_USER and NATS_PASSWORD');
    return undefined;
  }
  if (!env.NATS_USER || !env.NATS_PASSWORD) throw new Error('Set NATS_USER and NATS_PASSWORD together');
  inboxPrefixFor(env.NATS_USER); // throws on a name production could not grant an inbox to
  return { user: env.NATS_USER, pass: env.NATS_PASSWORD, ...(env.NATS_TLS_CA ? { tlsCaFile: env.NATS_TLS_CA } : {}) };
}

/** Where, as whom and with how many stream copies a deployable uses NATS; every deployable's config extends it. */
export interface NatsSettings {
  /** One URL or a cluster's, comma-separated. */
  natsUrl: string;
  /** Credentials for a production NATS (NATS_USER, NATS_PASSWORD, NATS_TLS_CA); none on the dev broker and in tests. */
  natsAuth?: NatsAuth;
  /** Replicas of the event streams it creates (NATS_STREAM_REPLICAS; 3 on a 3-node cluster). */
  streamReplicas?: number;
}

/** The parsed `natsEnvShape` variables as settings. */
export function natsSettingsFromEnv(env: NatsAuthEnv & { NATS_URL: string; NATS_STREAM_REPLICAS: number }): NatsSettings {
  return { natsUrl: env.NATS_URL, natsAuth: natsAuthFromEnv(env), streamReplicas: env.NATS_STREAM_REPLICAS };
}

/** `nats://a:4222, nats://b:4222` → the list nats.js expects. */
export function natsServers(natsUrl: string | string[]): string[] {
  const urls = (Array.isArray(natsUrl) ? natsUrl : natsUrl.split(',')).map((url) => url.trim()).filter(Boolean);
  if (urls.length === 0) throw new Error('NATS_URL names no server');
  return urls;
}

/**
 * What every connection of a deployable passes to nats.js (directly or through Nest's NATS transport): the servers,
 * the credentials, and the inbox prefix production grants to that user alone. The prefix follows the NATS user when
 * there is one, else the deployable's name (which is its user in production).
 */
export function natsConnectionOptions(
  deployable: string,
  natsUrl: string | string[],
  auth?: NatsAuth,
): Pick<ConnectionOptions, 'servers' | 'user' | 'pass' | 'tls' | 'inboxPrefix' | 'maxReconnectAttempts' | 'reconnectTimeWait'> {
  return {
    servers: natsServers(natsUrl),
    // Reconnect for ever: the client's default gives up after 10 tries (~20 s) and the connection stays closed, so a
    // NATS outage longer than that left the gateway answering 503 after NATS was back (the fault matrix found it).
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    inboxPrefix: inboxPrefixFor(auth?.user ?? deployable),
    ...(auth ? { user: auth.user, pass: auth.pass } : {}),
    ...(auth?.tlsCaFile ? { tls: { caFile: auth.tlsCaFile } } : {}),
  };
}
