import {
  DomainException,
  durableConsumerName,
  ErrorCode,
  eventStreamName,
  prefixedSubject,
  HEADER_CORRELATION_ID,
  type DataOf,
  type EventDef,
  type Owner,
} from '@rd/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  JSONCodec,
  headers as natsHeaders,
  nanos,
  type ConsumerMessages,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import { deadLetterSubject, ensureDeadLetterStream, ensureEventStream } from './streams';

const json = JSONCodec();
const PULL_EXPIRES_MS = 10_000;
/** Messages asked for per pull, and so the largest batch a `handleBatch` consumer applies at once. */
const MAX_BATCH = 64;

/**
 * Groups an iterator's messages into the batches already at hand: the first waits for a message, then every message
 * that arrives before the event loop turns (those buffered from the pull) joins it, up to `max`. One message at a time
 * when traffic is light; whole pulls when catching up.
 */
export async function* batchesAtHand<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let waiting: Promise<IteratorResult<T>> | undefined;
  const next = () => (waiting ??= iterator.next());
  const turn = Symbol('turn');
  for (;;) {
    const first = await next();
    waiting = undefined;
    if (first.done) return;
    const batch = [first.value];
    let ended = false;
    while (batch.length < max) {
      const result = await Promise.race([next(), new Promise<typeof turn>((resolve) => setImmediate(() => resolve(turn)))]);
      if (result === turn) break;
      waiting = undefined;
      if (result.done) {
        ended = true;
        break;
      }
      batch.push(result.value);
    }
    yield batch;
    if (ended) return;
  }
}

/** Header a dead-letter replay sets to the message's original Nats-Msg-Id: the inbox key stays the original one. */
export const HEADER_REPLAY_OF = 'rd-replay-of';
/** Headers the consumer adds to a dead-lettered copy (read by the replay command, docs/runbooks/dead-letters.md). */
export const HEADER_DEAD_LETTER_REASON = 'rd-dead-letter-reason';
export const HEADER_ORIGINAL_SUBJECT = 'rd-original-subject';
export const HEADER_ORIGINAL_MSG_ID = 'rd-original-msg-id';
export const HEADER_DEAD_LETTERED_AT = 'rd-dead-lettered-at';

/**
 * Thrown by a handler that knows the message can never be applied (retrying changes nothing): the consumer
 * dead-letters it at once. A `DomainException` other than SERVICE_UNAVAILABLE/INTERNAL counts the same way.
 */
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type FailureKind = 'poison' | 'transient';

/**
 * Poison: a deterministic refusal, the same on every delivery (a `PoisonMessageError`, or a `DomainException`
 * that is not SERVICE_UNAVAILABLE/INTERNAL). Everything else — the database or a peer unavailable, a timeout, an
 * unknown error — is transient and retried without limit: dead-lettering it would lose the event for good.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PoisonMessageError) return 'poison';
  if (error instanceof DomainException) {
    return error.code === ErrorCode.ServiceUnavailable || error.code === ErrorCode.Internal ? 'transient' : 'poison';
  }
  return 'transient';
}

/** Capped exponential backoff: initial, 2×initial, 4×initial, … never more than max. */
export function cappedBackoffMs(deliveryCount: number, initialMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(30, Math.max(0, deliveryCount - 1)));
}

/** What a consumer says about itself; services' health endpoints and metrics read it (`consumerHealth()`). */
export interface ConsumerHealth {
  consumer: string;
  /** False while the last `unhealthyAfterFailures` attempts or more in a row failed transiently. */
  healthy: boolean;
  /** Transient failures in a row since the last message applied (or acked as a duplicate). */
  consecutiveFailures: number;
  lastError?: string;
  lastFailureAt?: Date;
  lastSuccessAt?: Date;
  unhealthySince?: Date;
  /** Messages this process dead-lettered since it started. */
  deadLettered: number;
}

const runningConsumers = new Set<EventConsumer<EventDef>>();

/** Health of every consumer running in this process (a service's health endpoint or /metrics reads this). */
export function consumerHealth(): ConsumerHealth[] {
  return [...runningConsumers].map((consumer) => consumer.health());
}

export interface EventMeta {
  /** Nats-Msg-Id: the producer's outbox row id, stable across redeliveries. */
  messageId: string;
  correlationId: string;
  subject: string;
  deliveryCount: number;
  /** Durable consumer name, also the inbox key. */
  consumer: string;
}

export interface EventConsumerOptions<D extends EventDef> {
  nc: NatsConnection;
  prefix: string;
  /** The consuming service. */
  service: Owner;
  event: D;
  /**
   * Apply the effect and commit; resolve only after the commit. Throwing a `PoisonMessageError` or a refusing
   * `DomainException` dead-letters the message at once; any other error means "try again later" (no limit).
   */
  handle: (payload: DataOf<D>, meta: EventMeta) => Promise<void>;
  /**
   * When given, the messages already at hand (up to a pull) are applied by one call, committed together, and acked
   * after that commit; if it throws, each message of the batch goes through `handle` alone, so a poison or failing
   * message is classified on its own and the others are applied. Catching up after a long stop is then one
   * transaction per pull instead of one per message.
   */
  handleBatch?: (items: { payload: DataOf<D>; meta: EventMeta }[]) => Promise<void>;
  /**
   * @deprecated Ignored since ADR 0028: transient failures are retried without limit and poison messages are
   * dead-lettered at the first delivery. Kept so older callers still compile.
   */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Redelivery delay after a transient failure; default `cappedBackoffMs` (1 s doubling up to `maxRetryDelayMs`). */
  retryDelayMs?: (deliveryCount: number) => number;
  /** Cap of the default backoff (default 30 s). */
  maxRetryDelayMs?: number;
  /** Reported unhealthy after this many transient failures in a row (default 3). */
  unhealthyAfterFailures?: number;
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
  /** Replicas of the streams this consumer creates when they are missing (NATS_STREAM_REPLICAS). */
  streamReplicas?: number;
}

/**
 * A durable pull consumer for one event. Acks only after the handler resolved (its effect is
 * committed); naks with a capped backoff on a transient failure, without a delivery limit, and reports
 * itself unhealthy meanwhile; sends poison messages (invalid payload, or a deterministic refusal, see
 * `classifyFailure`) to the dead-letter stream at the first delivery, then terminates them.
 */
export class EventConsumer<D extends EventDef> {
  readonly durable: string;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;
  private readonly ackWaitMs: number;
  private readonly unhealthyAfter: number;
  private status: Omit<ConsumerHealth, 'consumer' | 'healthy'> = { consecutiveFailures: 0, deadLettered: 0 };
  private lastWarnAt = 0;
  private suppressedWarnings = 0;

  constructor(private readonly options: EventConsumerOptions<D>) {
    this.durable = durableConsumerName(options.service, options.event.name);
    this.logger = options.logger ?? console;
    this.ackWaitMs = options.ackWaitMs ?? 30_000;
    this.unhealthyAfter = options.unhealthyAfterFailures ?? 3;
  }

  health(): ConsumerHealth {
    return { consumer: this.durable, healthy: this.status.unhealthySince === undefined, ...this.status };
  }

  async start(): Promise<void> {
    const { nc, prefix, event } = this.options;
    const jsm = await nc.jetstreamManager();
    const stream = await ensureEventStream(jsm, prefix, event.owner, { replicas: this.options.streamReplicas ?? 1 });
    await ensureDeadLetterStream(jsm, prefix, this.options.streamReplicas ?? 1);
    // No delivery limit on the server: transient failures are retried for as long as they last, and poison
    // messages are dead-lettered by this class, not by counting deliveries.
    const existing = await jsm.consumers.info(stream, this.durable).catch(() => undefined);
    if (!existing) {
      await jsm.consumers.add(stream, {
        durable_name: this.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: prefixedSubject(prefix, event.name),
        max_deliver: -1,
        ack_wait: nanos(this.ackWaitMs),
      });
    } else if (existing.config.max_deliver !== -1 || existing.config.ack_wait !== nanos(this.ackWaitMs)) {
      // Durables created before ADR 0028 have max_deliver 10: lift it, or the server would stop redelivering.
      await jsm.consumers.update(stream, this.durable, { max_deliver: -1, ack_wait: nanos(this.ackWaitMs) });
      this.logger.log(`${this.durable}: durable updated (max_deliver ${existing.config.max_deliver} → unlimited)`);
    }
    const consumer = await nc.jetstream().consumers.get(eventStreamName(prefix, event.owner), this.durable);
    // Pulls expire after 10 s (heartbeats every 5 s): when the consumer's leader moves to another node of a cluster,
    // the open pull is lost with it, and nats.js notices the missing heartbeats and pulls again within ~10 s.
    const messages = await consumer.consume({ max_messages: MAX_BATCH, expires: PULL_EXPIRES_MS });
    this.messages = messages;
    // nats.js ends the iterator when the connection drains, not when it is closed outright: its
    // heartbeat timer would then run (and log) forever and keep the process alive.
    void nc.closed().then(() => messages.close()).catch(() => undefined);
    this.loop = this.run(messages);
    runningConsumers.add(this as unknown as EventConsumer<EventDef>);
  }

  async stop(): Promise<void> {
    runningConsumers.delete(this as unknown as EventConsumer<EventDef>);
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    if (!this.options.handleBatch) {
      for await (const msg of messages) await this.processAlone(msg);
      return;
    }
    for await (const batch of batchesAtHand(messages, MAX_BATCH)) {
      try {
        await this.processBatch(batch);
      } catch (error) {
        this.logger.error(`${this.durable}: processing a batch of ${batch.length} failed: ${(error as Error)?.message ?? error}`);
      }
    }
  }

  private async processAlone(msg: JsMsg): Promise<void> {
    try {
      await this.process(msg);
    } catch (error) {
      // Never let one message end the loop; unacked, it comes back after ack_wait.
      this.logger.error(`${this.durable}: processing ${msg.subject}#${msg.seq} failed: ${(error as Error)?.message ?? error}`);
    }
  }

  /** Invalid payloads are dead-lettered first; the rest are applied in one call, or one by one if that call fails. */
  private async processBatch(batch: JsMsg[]): Promise<void> {
    const handleBatch = this.options.handleBatch;
    if (!handleBatch || batch.length === 1) {
      for (const msg of batch) await this.processAlone(msg);
      return;
    }
    const valid: { msg: JsMsg; payload: DataOf<D>; meta: EventMeta }[] = [];
    for (const msg of batch) {
      const parsed = await this.parse(msg);
      if (parsed) valid.push({ msg, ...parsed });
    }
    if (valid.length === 0) return;
    const keepAlive = setInterval(() => valid.forEach(({ msg }) => msg.working()), Math.max(100, Math.floor(this.ackWaitMs / 3)));
    const committed = await handleBatch(valid.map(({ payload, meta }) => ({ payload, meta })))
      .then(() => true)
      .catch(() => false)
      .finally(() => clearInterval(keepAlive));
    if (!committed) {
      // Which message failed, and whether for good, is decided one at a time (the batch changed nothing).
      for (const { msg } of valid) await this.processAlone(msg);
      return;
    }
    this.succeeded();
    await Promise.all(valid.map(({ msg, meta }) => this.ack(msg, meta)));
  }

  /** The message's delivery facts and validated payload; an invalid payload is dead-lettered and gives undefined. */
  private async parse(msg: JsMsg): Promise<{ payload: DataOf<D>; meta: EventMeta } | undefined> {
    const originalId = msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}:${msg.seq}`;
    const meta: EventMeta = {
      // A replayed dead letter keeps its original id (rd-replay-of), so the inbox applies it at most once.
      messageId: msg.headers?.get(HEADER_REPLAY_OF) || originalId,
      correlationId: msg.headers?.get(HEADER_CORRELATION_ID) || '',
      subject: msg.subject,
      deliveryCount: msg.info.redeliveryCount,
      consumer: this.durable,
    };
    try {
      return { payload: this.options.event.schema.parse(json.decode(msg.data)) as DataOf<D>, meta };
    } catch (error) {
      await this.deadLetter(msg, meta, `invalid payload: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const parsed = await this.parse(msg);
    if (!parsed) return;
    const { payload, meta } = parsed;
    // A handler stuck on a hung database must not have its message redelivered to this process meanwhile.
    const keepAlive = setInterval(() => msg.working(), Math.max(100, Math.floor(this.ackWaitMs / 3)));
    try {
      await this.options.handle(payload, meta);
    } catch (error) {
      const reason = (error as Error)?.message ?? String(error);
      if (classifyFailure(error) === 'poison') {
        await this.deadLetter(msg, meta, `refused: ${(error as Error)?.name ?? 'Error'}: ${reason}`);
        return;
      }
      this.failed(reason);
      const delay =
        this.options.retryDelayMs?.(meta.deliveryCount) ?? cappedBackoffMs(meta.deliveryCount, 1000, this.options.maxRetryDelayMs ?? 30_000);
      // During an outage every pending message fails every few seconds: while unhealthy, one line per 30 s.
      const now = Date.now();
      if (this.status.unhealthySince === undefined || now - this.lastWarnAt >= 30_000) {
        const more = this.suppressedWarnings ? ` (${this.suppressedWarnings} more failed deliveries not logged)` : '';
        this.logger.warn(`${this.durable}: delivery ${meta.deliveryCount} of ${meta.messageId} failed, retry in ${delay} ms: ${reason}${more}`);
        this.lastWarnAt = now;
        this.suppressedWarnings = 0;
      } else {
        this.suppressedWarnings += 1;
      }
      msg.nak(delay);
      return;
    } finally {
      clearInterval(keepAlive);
    }
    this.succeeded();
    await this.ack(msg, meta);
  }

  private async ack(msg: JsMsg, meta: EventMeta): Promise<void> {
    try {
      await msg.ackAck();
    } catch (error) {
      // The effect is committed: a lost ack only means a redelivery, which the inbox turns into a no-op.
      this.logger.warn(`${this.durable}: ack of ${meta.messageId} not confirmed: ${(error as Error)?.message ?? error}`);
    }
  }

  private failed(reason: string): void {
    const now = new Date();
    this.status.consecutiveFailures += 1;
    this.status.lastError = reason;
    this.status.lastFailureAt = now;
    if (this.status.unhealthySince === undefined && this.status.consecutiveFailures >= this.unhealthyAfter) {
      this.status.unhealthySince = now;
      this.logger.error(`${this.durable}: unhealthy, ${this.status.consecutiveFailures} deliveries in a row failed; retrying without limit: ${reason}`);
    }
  }

  private succeeded(): void {
    if (this.status.unhealthySince !== undefined) {
      const seconds = Math.round((Date.now() - this.status.unhealthySince.getTime()) / 1000);
      this.logger.log(`${this.durable}: healthy again after ${seconds} s and ${this.status.consecutiveFailures} failed deliveries`);
    }
    this.status = { ...this.status, consecutiveFailures: 0, unhealthySince: undefined, lastSuccessAt: new Date() };
  }

  private async deadLetter(msg: JsMsg, meta: EventMeta, reason: string): Promise<void> {
    this.logger.error(`${this.durable}: dead-lettering ${msg.subject}#${msg.seq}: ${reason}`);
    try {
      const h = natsHeaders();
      msg.headers?.keys().forEach((key) => h.set(key, msg.headers?.get(key) ?? ''));
      // Header values may not contain CR/LF (zod messages are multi-line JSON).
      h.set(HEADER_DEAD_LETTER_REASON, reason.replace(/\s+/g, ' ').slice(0, 500));
      h.set(HEADER_ORIGINAL_SUBJECT, msg.subject);
      h.set(HEADER_ORIGINAL_MSG_ID, meta.messageId);
      h.set(HEADER_DEAD_LETTERED_AT, new Date().toISOString());
      // Without a Nats-Msg-Id every such message would share one DLQ dedup id and all but the first be dropped.
      // A replayed message dead-lettered again gets its replay's own id, or the DLQ would drop it as a duplicate.
      const ownId = msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}:${msg.seq}`;
      await this.options.nc.jetstream().publish(deadLetterSubject(this.options.prefix, this.durable), msg.data, {
        headers: h,
        msgID: `${this.durable}:${ownId}`,
      });
      this.status.deadLettered += 1;
      // No reason text: nats-server 2.9 only recognises a bare "+TERM" and silently ignores "+TERM <reason>".
      msg.term();
    } catch (error) {
      // Could not park it: leave it for redelivery rather than lose it.
      this.logger.error(`${this.durable}: dead-letter publish failed: ${(error as Error).message}`);
      // E.g. a full DLQ: the consumer cannot do its job either way, so it says so.
      this.failed(`dead-letter publish failed: ${(error as Error).message}`);
      msg.nak(5000);
    }
  }
}
