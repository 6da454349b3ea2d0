import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import { assertSubjectPrefix, prefixedSubject } from '@rd/contracts';
import type { Subscription } from 'nats';

type NatsServerOptions = NonNullable<NatsOptions['options']>;

/**
 * NestJS NATS transport whose handlers are declared with unprefixed subject names and subscribed
 * under the deployment prefix, so test suites can share one NATS server. Queue group = service name.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly prefixedSubscriptions: Subscription[] = [];

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

  override async close(): Promise<void> {
    // Stop taking new requests first; the connection drains what is in flight.
    this.prefixedSubscriptions.splice(0).forEach((sub) => sub.unsubscribe());
    await super.close();
  }
}
