import { Logger } from '@nestjs/common';
import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { assertSubjectPrefix, ErrorCode, prefixedSubject, type RpcErrorPayload } from '@rd/contracts';
import type { Msg, Subscription } from 'nats';

type NatsServerOptions = NonNullable<NatsOptions['options']>;

const replyLogger = new Logger('PrefixedNatsServer');

/**
 * NestJS NATS transport whose handlers are declared with unprefixed subject names and subscribed
 * under the deployment prefix, so test suites can share one NATS server. Queue group = service name.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly prefixedSubscriptions: Subscription[] = [];
  /** Requests being handled now: closing waits for these instead of a fixed grace period. */
  private inFlight = 0;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly prefix: string,
    private readonly natsOptions: NatsServerOptions & { queue: string },
  ) {
    super(natsOptions);
    assertSubjectPrefix(prefix);
  }

  override bindEvents(client: Parameters<ServerNats['bindEvents']>[0]): void {
    for (const [name, handlerRef] of this.messageHandlers) {
      const sub = client.subscribe(prefixedSubject(this.prefix, name), {
        queue: handlerRef.extras?.queue ?? this.natsOptions.queue,
        callback: this.getMessageHandler(name).bind(this),
      });
      this.prefixedSubscriptions.push(sub);
    }
  }

  /**
   * A reply larger than the server's max_payload cannot be sent: nats.js throws MAX_PAYLOAD_EXCEEDED inside Nest's
   * reply tick (an unhandled rejection) and the caller waited out its 5 s timeout for a 503. Answer the caller at once
   * with an INTERNAL error instead and log which subject outgrew the limit, so the query gets paged (ADR 0030).
   */
  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: unknown) => unknown {
    const publish = super.getPublisher(natsMsg as Parameters<ServerNats['getPublisher']>[0], id, ctx);
    return (response: unknown) => {
      try {
        return publish(response);
      } catch (error) {
        if ((error as { code?: string }).code !== 'MAX_PAYLOAD_EXCEEDED') throw error;
        const bytes = Buffer.byteLength(JSON.stringify(response) ?? '');
        replyLogger.error(`The reply to ${natsMsg.subject} is about ${bytes} bytes, more than NATS max_payload: answered ${ErrorCode.Internal} instead; page this query`);
        const err: RpcErrorPayload = { code: ErrorCode.Internal, message: 'The reply is too large to send in one message' };
        return publish({ err, isDisposed: true });
      }
    };
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    this.inFlight += 1;
    try {
      return await super.handleMessage(channel, natsMsg);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle.forEach((resolve) => resolve());
    }
  }

  override async close(): Promise<void> {
    // Stop taking new requests, then wait for the ones in flight (at most the grace period) rather than always
    // the whole grace period: app.close() closes the transport before the shutdown hooks stop background work,
    // so a fixed wait let senders and export workers carry on for 2 s after a stop was asked for.
    this.prefixedSubscriptions.splice(0).forEach((sub) => sub.unsubscribe());
    const gracePeriod = this.natsOptions.gracePeriod ?? 10_000;
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.idle.delete(done);
          resolve();
        };
        const timer = setTimeout(done, gracePeriod);
        this.idle.add(done);
      });
    }
    // Nest publishes a reply on the next tick after its handler returns: let those go out before closing.
    await new Promise((resolve) => setImmediate(resolve));
    this.natsOptions.gracefulShutdown = false;
    await super.close();
  }
}
