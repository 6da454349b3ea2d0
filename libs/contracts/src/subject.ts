import type { Owner } from './message';

const PREFIX_GRAMMAR = /^[a-z][a-z0-9]*$/;

/** Checks a deployment prefix (`rd` in production, a random `t…` per test suite). */
export function assertSubjectPrefix(prefix: string): string {
  if (!PREFIX_GRAMMAR.test(prefix)) {
    throw new Error(`NATS subject prefix "${prefix}" must be lowercase letters and digits`);
  }
  return prefix;
}

export function prefixedSubject(prefix: string, name: string): string {
  return `${prefix}.${name}`;
}

/** One JetStream stream per owner: <PREFIX>_<OWNER>_EVT bound to <prefix>.<owner>.evt.> */
export function eventStreamName(prefix: string, owner: Owner): string {
  return `${prefix}_${owner}_EVT`.toUpperCase();
}

export function eventStreamSubjects(prefix: string, owner: Owner): string {
  return `${prefix}.${owner}.evt.>`;
}

/** Durable consumer name: <consumer-service>__<aggregate>-<action>-v<N> */
export function durableConsumerName(consumer: Owner, eventName: string): string {
  const [, , aggregate, action, version] = eventName.split('.');
  return `${consumer}__${aggregate}-${action}-${version}`;
}

export const HEADER_CORRELATION_ID = 'rd-correlation-id';
export const HEADER_OCCURRED_AT = 'rd-occurred-at';
export const HEADER_MSG_ID = 'Nats-Msg-Id';
/** On a command of a keyed HTTP write: the gateway's record key (a hash), so the service applies it once. */
export const HEADER_IDEMPOTENCY_KEY = 'rd-idempotency-key';
