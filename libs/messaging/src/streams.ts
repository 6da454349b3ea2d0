import { eventStreamName, eventStreamSubjects, type Owner } from '@rd/contracts';
import { DiscardPolicy, RetentionPolicy, StorageType, nanos, type JetStreamManager, type StreamConfig } from 'nats';

export interface EventStreamLimits {
  /** Bytes kept per stream; when full, new publishes are refused (discard new) rather than old events lost. */
  maxBytes?: number;
  duplicateWindowMs?: number;
  /** Copies kept by a cluster (NATS_STREAM_REPLICAS); an existing stream keeps its own (raised by ops, see runbook). */
  replicas?: number;
  /** Largest message the stream accepts (default: the server's max_payload). */
  maxMsgSize?: number;
}

/**
 * Creates the owner's event stream if missing, with development-sized limits unless given: production streams are
 * created and sized by operators (PRODUCTION_STREAM_LIMITS in stream-capacity.ts, docs/runbooks/streams.md), and an
 * existing stream keeps its limits. Retention `limits` because several services consume
 * the same events, each with its own durable consumer; `discard: new` so limits never silently
 * delete unconsumed events.
 */
export async function ensureEventStream(
  jsm: JetStreamManager,
  prefix: string,
  owner: Owner,
  limits: EventStreamLimits = {},
): Promise<string> {
  const config = eventStreamConfig(prefix, owner, limits);
  await addOrKeep(jsm, config.name, () => jsm.streams.add(config));
  return config.name;
}

/** The owner's event stream as ensureEventStream creates it (and as operators size it: stream-capacity.ts). */
export function eventStreamConfig(prefix: string, owner: Owner, limits: EventStreamLimits = {}): Partial<StreamConfig> & { name: string } {
  return {
    name: eventStreamName(prefix, owner),
    subjects: [eventStreamSubjects(prefix, owner)],
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.New,
    storage: StorageType.File,
    max_bytes: limits.maxBytes ?? 1024 * 1024 * 1024,
    duplicate_window: nanos(limits.duplicateWindowMs ?? 2 * 60 * 1000),
    num_replicas: limits.replicas ?? 1,
    ...(limits.maxMsgSize ? { max_msg_size: limits.maxMsgSize } : {}),
  };
}

export function deadLetterStreamName(prefix: string): string {
  return `${prefix}_DLQ`.toUpperCase();
}

export function deadLetterSubject(prefix: string, durable: string): string {
  return `${prefix}.dlq.${durable}`;
}

/** Poison messages are copied here, with the reason, before they are terminated. */
export async function ensureDeadLetterStream(jsm: JetStreamManager, prefix: string, replicas = 1): Promise<string> {
  const config = deadLetterStreamConfig(prefix, replicas);
  await addOrKeep(jsm, config.name, () => jsm.streams.add(config));
  return config.name;
}

/** The dead-letter stream as ensureDeadLetterStream creates it. */
export function deadLetterStreamConfig(prefix: string, replicas = 1, maxBytes = 256 * 1024 * 1024): Partial<StreamConfig> & { name: string } {
  return {
    name: deadLetterStreamName(prefix),
    subjects: [`${prefix}.dlq.>`],
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.New,
    storage: StorageType.File,
    max_bytes: maxBytes,
    num_replicas: replicas,
  };
}

async function addOrKeep(jsm: JetStreamManager, name: string, add: () => Promise<unknown>): Promise<void> {
  try {
    await jsm.streams.info(name);
  } catch {
    try {
      await add();
    } catch (error) {
      // Another replica created it first.
      await jsm.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
}
