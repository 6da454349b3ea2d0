import type { Owner } from '@rd/contracts';
import type { NatsAuth } from '../nats-endpoint';

export const SERVICE_RUNTIME_OPTIONS = Symbol('SERVICE_RUNTIME_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface ServiceRuntimeOptions {
  service: Owner;
  natsUrl: string;
  /** Credentials for a production NATS; none on the dev broker and in tests. */
  natsAuth?: NatsAuth;
  /** Replicas of the event streams it creates (NATS_STREAM_REPLICAS; 3 on a 3-node cluster). */
  streamReplicas?: number;
  prefix: string;
  databaseUrl: string;
  /** Relay outbox rows of this service to its event stream (every service that emits events). */
  relayOutbox: boolean;
}
