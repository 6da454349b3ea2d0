import type { Owner } from '@rd/contracts';
import type { NatsSettings } from '../nats-endpoint';

export const SERVICE_RUNTIME_OPTIONS = Symbol('SERVICE_RUNTIME_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface ServiceRuntimeOptions extends NatsSettings {
  service: Owner;
  prefix: string;
  databaseUrl: string;
  /** Relay outbox rows of this service to its event stream (every service that emits events). */
  relayOutbox: boolean;
}
