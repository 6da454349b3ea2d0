import {
  durableConsumerName,
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
  /** Apply the effect and commit; resolve only after the commit. Throwing means "try again later". */
  handle: (payload: DataOf<D>, meta: EventMeta) => Promise<void>;
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Redelivery delay after a failure, growing with the delivery count. */
  retryDelayMs?: (deliveryCount: number) => number;
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
  /** Replicas of the streams this consumer creates when they are missing (NATS_STREAM_REPLICAS). */
  streamReplicas?: number;
}

/**
 * A durable pull consumer for one event. Acks only after the handler resolved (its effect is
 * committed); naks with a delay on failure; sends poison messages (invalid payload, or failing
 * `maxDeliver` times) to the dead-letter stream, then terminates them.
 */
export class EventConsumer<D extends EventDef> {
  readonly durable: string;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;
  private readonly maxDeliver: number;

  constructor(private readonly options: EventConsumerOptions<D>) {
    this.durable = durableConsumerName(options.service, options.event.name);
    this.logger = options.logger ?? console;
    this.maxDeliver = options.maxDeliver ?? 10;
  }

  async start(): Promise<void> {
    const { nc, prefix, event } = this.options;
    const jsm = await nc.jetstreamManager();
    const stream = await ensureEventStream(jsm, prefix, event.owner, { replicas: this.options.streamReplicas ?? 1 });
    await ensureDeadLetterStream(jsm, prefix, this.options.streamReplicas ?? 1);
    try {
      await jsm.consumers.info(stream, this.durable);
    } catch {
      await jsm.consumers.add(stream, {
        durable_name: this.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: prefixedSubject(prefix, event.name),
        max_deliver: this.maxDeliver,
        ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      });
    }
    const consumer = await nc.jetstream().consumers.get(eventStreamName(prefix, event.owner), this.durable);
    // Pulls expire after 10 s (heartbeats every 5 s): when the consumer's leader moves to another node of a cluster,
    // the open pull is lost with it, and nats.js notices the missing heartbeats and pulls again within ~10 s.
    const messages = await consumer.consume({ max_messages: 64, expires: PULL_EXPIRES_MS });
    this.messages = messages;
    // nats.js ends the iterator when the connection drains, not when it is closed outright: its
    // heartbeat timer would then run (and log) forever and keep the process alive.
    void nc.closed().then(() => messages.close()).catch(() => undefined);
    this.loop = this.run(messages);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      try {
        await this.process(msg);
      } catch (error) {
        // Never let one message end the loop; unacked, it comes back after ack_wait.
        this.logger.error(`${this.durable}: processing ${msg.subject}#${msg.seq} failed: ${(error as Error)?.message ?? error}`);
      }
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const meta: EventMeta = {
      messageId: msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}:${msg.seq}`,
      correlationId: msg.headers?.get(HEADER_CORRELATION_ID) || '',
      subject: msg.subject,
      deliveryCount: msg.info.redeliveryCount,
      consumer: this.durable,
    };
    let payload: DataOf<D>;
    try {
      payload = this.options.event.schema.parse(json.decode(msg.data)) as DataOf<D>;
    } catch (error) {
      await this.deadLetter(msg, `invalid payload: ${(error as Error).message}`);
      return;
    }
    try {
      await this.options.handle(payload, meta);
    } catch (error) {
      const reason = (error as Error)?.message ?? String(error);
      if (meta.deliveryCount >= this.maxDeliver) {
        await this.deadLetter(msg, `failed ${meta.deliveryCount} times: ${reason}`);
        return;
      }
      this.logger.warn(`${this.durable}: delivery ${meta.deliveryCount} of ${meta.messageId} failed: ${reason}`);
      const delay = this.options.retryDelayMs?.(meta.deliveryCount) ?? Math.min(30_000, 250 * 2 ** meta.deliveryCount);
      msg.nak(delay);
      return;
    }
    try {
      await msg.ackAck();
    } catch (error) {
      // The effect is committed: a lost ack only means a redelivery, which the inbox turns into a no-op.
      this.logger.warn(`${this.durable}: ack of ${meta.messageId} not confirmed: ${(error as Error)?.message ?? error}`);
    }
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<void> {
    this.logger.error(`${this.durable}: dead-lettering ${msg.subject}#${msg.seq}: ${reason}`);
    try {
      const h = natsHeaders();
      msg.headers?.keys().forEach((key) => h.set(key, msg.headers?.get(key) ?? ''));
      // Header values may not contain CR/LF (zod messages are multi-line JSON).
      h.set('rd-dead-letter-reason', reason.replace(/\s+/g, ' ').slice(0, 500));
      h.set('rd-original-subject', msg.subject);
      // Without a Nats-Msg-Id every such message would share one DLQ dedup id and all but the first be dropped.
      const originalId = msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}:${msg.seq}`;
      await this.options.nc.jetstream().publish(deadLetterSubject(this.options.prefix, this.durable), msg.data, {
        headers: h,
        msgID: `${this.durable}:${originalId}`,
      });
      // No reason text: nats-server 2.9 only recognises a bare "+TERM" and silently ignores "+TERM <reason>".
      msg.term();
    } catch (error) {
      // Could not park it: leave it for redelivery rather than lose it.
      this.logger.error(`${this.durable}: dead-letter publish failed: ${(error as Error).message}`);
      msg.nak(5000);
    }
  }
}
