import type { Owner } from '@rd/contracts';

export const SERVICE_RUNTIME_OPTIONS = Symbol('SERVICE_RUNTIME_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface ServiceRuntimeOptions {
  service: Owner;
  natsUrl: string;
  prefix: string;
  databaseUrl: string;
  /** Relay outbox rows of this service to its event stream (every service that emits events). */
  relayOutbox: boolean;
}
