import { OWNERS, eventStreamName, prefixedSubject, type Owner } from '@rd/contracts';
import type { PublishFailureScope } from '@rd/persistence';
import { DiscardPolicy, nanos, type JetStreamClient, type JetStreamManager, type StreamConfig } from 'nats';
import { jetStreamPublisher, type OutgoingEvent } from './jetstream.publisher';
import { deadLetterStreamConfig, deadLetterStreamName, eventStreamConfig } from './streams';

const GiB = 1024 ** 3;

/** Limits of one stream in production. Never an age or message-count limit: the streams are the record. */
export interface ProductionStreamLimits {
  maxBytes: number;
  duplicateWindowMs: number;
}

/**
 * Production sizes, from the national scale (10,000 communities, a reporting day per quarter, ten years, upper
 * bounds); the arithmetic is in docs/adr/0027-outbox-order-per-aggregate-and-stream-limits.md. Applied by operators
 * (infra/nats/apply-stream-limits.ts); services create a missing stream with the small development defaults of
 * streams.ts, which the shared test server can reserve many times over.
 */
export const PRODUCTION_STREAM_LIMITS: Readonly<Record<Owner | 'dlq', ProductionStreamLimits>> = {
  // ~400,000 meetings x ~100 events x ~1 KiB stored = ~38 GiB in ten years.
  meetings: { maxBytes: 64 * GiB, duplicateWindowMs: 60 * 60 * 1000 },
  // ~10,000 communities x ~100 events x ~0.8 KiB = ~0.8 GiB (bulk imports and contacts included).
  communities: { maxBytes: 4 * GiB, duplicateWindowMs: 60 * 60 * 1000 },
  // ~55 million records (every write, every refusal, confidential reads) x ~0.8 KiB = ~42 GiB.
  audit: { maxBytes: 64 * GiB, duplicateWindowMs: 60 * 60 * 1000 },
  // No events published today: room to start.
  notifications: { maxBytes: 1 * GiB, duplicateWindowMs: 60 * 60 * 1000 },
  reporting: { maxBytes: 1 * GiB, duplicateWindowMs: 60 * 60 * 1000 },
  // Poison messages only; emptied after replay (runbook).
  dlq: { maxBytes: 2 * GiB, duplicateWindowMs: 2 * 60 * 1000 },
};

/** Fraction of a stream's max_bytes at which operators are warned (and well before the stream refuses). */
export const STREAM_WARN_FRACTION = 0.8;
/** Fraction at which the warning becomes an error: days to weeks left, act now. */
export const STREAM_CRITICAL_FRACTION = 0.95;

export interface StreamUsage {
  stream: string;
  /** False when the stream does not exist (yet). */
  exists: boolean;
  bytes: number;
  /** -1 when unlimited. */
  maxBytes: number;
  messages: number;
  /** -1 when unlimited. */
  maxMessages: number;
  /** The larger of bytes/maxBytes and messages/maxMessages; 0 when unlimited. */
  fraction: number;
  level: 'ok' | 'warn' | 'critical' | 'full';
}

/** How full one stream is, for health checks, metrics and the capacity log line. */
export async function streamUsage(jsm: JetStreamManager, stream: string): Promise<StreamUsage> {
  let info;
  try {
    info = await jsm.streams.info(stream);
  } catch {
    return { stream, exists: false, bytes: 0, maxBytes: -1, messages: 0, maxMessages: -1, fraction: 0, level: 'ok' };
  }
  const { bytes, messages } = info.state;
  const maxBytes = info.config.max_bytes ?? -1;
  const maxMessages = info.config.max_msgs ?? -1;
  const fraction = Math.max(maxBytes > 0 ? bytes / maxBytes : 0, maxMessages > 0 ? messages / maxMessages : 0);
  return { stream, exists: true, bytes, maxBytes, messages, maxMessages, fraction, level: usageLevel(fraction) };
}

export function usageLevel(fraction: number): StreamUsage['level'] {
  if (fraction >= 1) return 'full';
  if (fraction >= STREAM_CRITICAL_FRACTION) return 'critical';
  if (fraction >= STREAM_WARN_FRACTION) return 'warn';
  return 'ok';
}

/** Every stream of a deployment: one per owner, and the dead letters. */
export function allStreamNames(prefix: string): string[] {
  return [...OWNERS.map((owner) => eventStreamName(prefix, owner)), deadLetterStreamName(prefix)];
}

/**
 * What a refused JetStream publish holds back in the outbox relay. A message the broker refuses for itself (over
 * max_payload or the stream's max_msg_size) holds back its aggregate only; anything else (stream full, no stream
 * bound to the subject, no answer) holds back the stream.
 */
export function publishFailureScope(error: unknown): PublishFailureScope {
  const e = error as { code?: string; message?: string; api_error?: { err_code?: number; description?: string } };
  if (e?.code === 'MAX_PAYLOAD_EXCEEDED') return 'message';
  // 10054: message size exceeds maximum allowed (max_msg_size).
  if (e?.api_error?.err_code === 10054 || /message size exceeds maximum/i.test(e?.api_error?.description ?? e?.message ?? '')) {
    return 'message';
  }
  return 'stream';
}

/** True when the error says the stream refused because it is full (discard: new), or the room guard kept it back. */
export function isStreamFull(error: unknown): boolean {
  if (error instanceof StreamFullError) return true;
  const e = error as { message?: string; api_error?: { err_code?: number; description?: string } };
  // 10077: maximum bytes exceeded (seen on nats-server 2.9); the description covers the message and byte limits.
  return e?.api_error?.err_code === 10077 || /maximum (bytes|messages) exceeded/i.test(e?.api_error?.description ?? e?.message ?? '');
}

export interface StreamCapacityMonitorOptions {
  jsm: JetStreamManager;
  streams: string[];
  intervalMs?: number;
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
}

/**
 * Checks the given streams periodically and logs a warning from 80 % and an error from 95 %, so operators hear of a
 * filling stream long before it refuses writes (docs/runbooks/streams.md). `latest()` serves health and metrics.
 */
export class StreamCapacityMonitor {
  private timer?: NodeJS.Timeout;
  private last: StreamUsage[] = [];
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;

  constructor(private readonly options: StreamCapacityMonitorOptions) {
    this.logger = options.logger ?? console;
  }

  start(): void {
    void this.check().catch(() => undefined);
    this.timer = setInterval(() => void this.check().catch(() => undefined), this.options.intervalMs ?? 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  latest(): StreamUsage[] {
    return this.last.map((u) => ({ ...u }));
  }

  async check(): Promise<StreamUsage[]> {
    const usages = await Promise.all(this.options.streams.map((stream) => streamUsage(this.options.jsm, stream)));
    for (const u of usages) {
      if (u.level === 'ok') continue;
      const line =
        `stream ${u.stream} is ${(u.fraction * 100).toFixed(1)} % full (${u.bytes} of ${u.maxBytes} bytes, ` +
        `${u.messages} messages)` +
        (u.level === 'full' ? ': it refuses new events (discard: new); the relay holds them in the outbox' : '') +
        '; raise its limit or add storage (docs/runbooks/streams.md)';
      if (u.level === 'warn') this.logger.warn(line);
      else this.logger.error(line);
    }
    this.last = usages;
    return usages;
  }
}

export interface StreamLimitChange {
  stream: string;
  action: 'create' | 'update' | 'keep';
  /** What changes, e.g. `max_bytes 1073741824 -> 68719476736`. */
  changes: string[];
}

export interface ApplyStreamLimitsOptions {
  /** Only report what would change (the default), or change it. */
  apply?: boolean;
  /** Replicas for streams it creates, and the least an existing stream is raised to. */
  replicas?: number;
  limits?: Readonly<Record<Owner | 'dlq', ProductionStreamLimits>>;
}

/**
 * Brings every stream of a deployment to the production limits: creates a missing one; on an existing one raises
 * max_bytes, the duplicate window and the replicas to at least the table's, and restores `discard: new` with no age
 * limit. Never lowers anything (an operator may have raised a limit on purpose). Run by operators with the `ops` NATS
 * user (infra/nats/apply-stream-limits.ts, docs/runbooks/streams.md).
 */
export async function applyProductionStreamLimits(
  jsm: JetStreamManager,
  prefix: string,
  options: ApplyStreamLimitsOptions = {},
): Promise<StreamLimitChange[]> {
  const limits = options.limits ?? PRODUCTION_STREAM_LIMITS;
  const replicas = options.replicas ?? 1;
  const wanted: Array<Partial<StreamConfig> & { name: string }> = [
    ...OWNERS.map((owner) => eventStreamConfig(prefix, owner, { ...limits[owner], replicas })),
    { ...deadLetterStreamConfig(prefix, replicas, limits.dlq.maxBytes), duplicate_window: nanos(limits.dlq.duplicateWindowMs) },
  ];
  const result: StreamLimitChange[] = [];
  for (const want of wanted) {
    const info = await jsm.streams.info(want.name).catch(() => undefined);
    if (!info) {
      if (options.apply) await jsm.streams.add(want);
      result.push({ stream: want.name, action: 'create', changes: [`max_bytes ${want.max_bytes}`, `replicas ${want.num_replicas}`] });
      continue;
    }
    const current = info.config;
    const update: Partial<StreamConfig> = {};
    const changes: string[] = [];
    const raise = <K extends 'max_bytes' | 'duplicate_window' | 'num_replicas'>(key: K) => {
      const have = Number(current[key] ?? 0);
      const need = Number(want[key] ?? 0);
      // -1 is unlimited for max_bytes: nothing to raise.
      if (have !== -1 && need > have) {
        (update as Record<string, number>)[key] = need;
        changes.push(`${key} ${have} -> ${need}`);
      }
    };
    raise('max_bytes');
    raise('duplicate_window');
    raise('num_replicas');
    if (current.discard !== DiscardPolicy.New) {
      update.discard = DiscardPolicy.New;
      changes.push(`discard ${current.discard} -> new`);
    }
    if ((current.max_age ?? 0) > 0) {
      update.max_age = 0;
      changes.push(`max_age ${current.max_age} -> 0 (no age limit: the stream is the record)`);
    }
    if (changes.length > 0 && options.apply) await jsm.streams.update(want.name, { ...current, ...update });
    result.push({ stream: want.name, action: changes.length > 0 ? 'update' : 'keep', changes });
  }
  return result;
}

/** Thrown by the room guard instead of publishing into a stream that has no room left. */
export class StreamFullError extends Error {
  constructor(
    readonly stream: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`maximum bytes exceeded: ${stream} holds ${bytes} of ${maxBytes} bytes (kept back before publishing)`);
    this.name = new.target.name;
  }
}

/** Bytes a message takes in a file stream besides its payload: subject, headers of jetStreamPublisher, record. */
const STORED_OVERHEAD_BYTES = 256;

export interface StreamRoomGuardOptions {
  /** How long a stream's size is trusted before it is asked again (ours are added locally meanwhile). */
  refreshMs?: number;
  /** Kept free for other publishers between two refreshes (the gateway, other replicas): a fraction of max_bytes. */
  headroomFraction?: number;
}

/**
 * Publishes only into a stream with room for the message. nats-server 2.9 checks `discard: new` against the payload
 * and headers but stores the message with its subject and record overhead, and then trims the stream to max_bytes
 * from the OLDEST end: a stream within one message of its limit silently loses its oldest events while accepting new
 * ones (seen in services/meetings/test/full-audit-stream.integration-spec.ts). The guard keeps our publishers out of
 * that last stretch: a stream whose size plus the message would pass max_bytes less the headroom counts as full.
 */
export class StreamRoomGuard {
  private readonly known = new Map<string, { bytes: number; maxBytes: number; at: number }>();
  private readonly refreshMs: number;
  private readonly headroomFraction: number;

  constructor(
    private readonly jsm: JetStreamManager,
    options: StreamRoomGuardOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 1000;
    this.headroomFraction = options.headroomFraction ?? 0.01;
  }

  /** Resolves when `stream` has room for `size` more bytes; throws StreamFullError otherwise. */
  async reserve(stream: string, size: number): Promise<void> {
    let state = this.known.get(stream);
    const fits = (s: { bytes: number; maxBytes: number }) => s.maxBytes <= 0 || s.bytes + size <= s.maxBytes * (1 - this.headroomFraction);
    if (!state || Date.now() - state.at > this.refreshMs || !fits(state)) {
      // A stream we cannot see (missing, or no permission to read it) is left to the broker to refuse.
      const info = await this.jsm.streams.info(stream).catch(() => undefined);
      if (!info) return;
      state = { bytes: info.state.bytes, maxBytes: info.config.max_bytes ?? -1, at: Date.now() };
      this.known.set(stream, state);
    }
    if (!fits(state)) throw new StreamFullError(stream, state.bytes, state.maxBytes);
    state.bytes += size;
  }
}

/**
 * jetStreamPublisher behind a StreamRoomGuard: what the outbox relay uses. A stream without room is refused before
 * anything reaches it (StreamFullError, which holds back that stream only), so `discard: new` is never tested at
 * its imprecise edge.
 */
export function guardedJetStreamPublisher(js: JetStreamClient, jsm: JetStreamManager, prefix: string, options: StreamRoomGuardOptions & { timeoutMs?: number } = {}) {
  const publish = jetStreamPublisher(js, prefix, options.timeoutMs);
  const guard = new StreamRoomGuard(jsm, options);
  return async (event: OutgoingEvent): Promise<void> => {
    const owner = event.subject.split('.')[0] as Owner;
    const size = Buffer.byteLength(JSON.stringify(event.payload)) + prefixedSubject(prefix, event.subject).length + event.correlationId.length + STORED_OVERHEAD_BYTES;
    await guard.reserve(eventStreamName(prefix, owner), size);
    await publish(event);
  };
}
