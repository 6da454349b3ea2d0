import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventDef } from '@rd/contracts';
import type { BatchScope } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { EventConsumer, type ConsumerHealth, type EventMeta } from '../event.consumer';
import { applyBinding, applyBindingBatch, type EventBinding } from '../event-table';
import { NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from './service-runtime.options';

/**
 * Runs one durable consumer per row of the service's event table for the life of the application. Each message is
 * validated against its contract (an invalid one is dead-lettered at once), applied once through the inbox in one
 * transaction with the handler's effect, and acked after the commit (see `EventConsumer` for retries and dead letters).
 * A subclass is an `@Injectable()` that injects what its handlers need and returns its table from `bindings()`
 * (built with `eventTable`); the ORM, the NATS connection and the runtime options are injected here.
 */
export abstract class EventTableHost implements OnApplicationBootstrap, OnApplicationShutdown {
  @Inject(MikroORM) private readonly orm!: MikroORM;
  @Inject(NATS_CONNECTION) private readonly nc!: NatsConnection;
  @Inject(SERVICE_RUNTIME_OPTIONS) private readonly runtime!: ServiceRuntimeOptions;
  private consumers: EventConsumer<EventDef>[] = [];

  /** The service's event table. Handlers may use the subclass's injected members: they run only once a message comes. */
  abstract bindings(): readonly EventBinding[];

  /**
   * When a host defines it, each consumer applies the messages it has at hand (up to a pull's 64) in one transaction
   * wrapped by this scope, instead of one transaction per message: the scope may then do once, before the commit, work
   * every message of the batch would otherwise repeat. A batch that fails is retried one message at a time.
   */
  protected withinBatch?(tx: EntityManager, run: () => Promise<void>): Promise<void>;

  /** Applies one message once, as its durable consumer would, without NATS (tests drive handlers with it). */
  applyEvent(eventName: string, payload: unknown, messageId: string, correlationId = ''): Promise<boolean> {
    const binding = this.bindingOf(eventName);
    const meta: EventMeta = { consumer: binding.durable, messageId, subject: eventName, correlationId, deliveryCount: 1 };
    return applyBinding(this.orm.em as EntityManager, binding, binding.event.schema.parse(payload), meta);
  }

  /** Applies messages of one event as one batch, as its durable consumer would, without NATS; resolves with how many were new. */
  applyEvents(eventName: string, items: readonly { payload: unknown; messageId: string }[]): Promise<number> {
    const binding = this.bindingOf(eventName);
    const batch = items.map(({ payload, messageId }) => ({
      payload: binding.event.schema.parse(payload),
      meta: { consumer: binding.durable, messageId, subject: eventName, correlationId: '', deliveryCount: 1 },
    }));
    return applyBindingBatch(this.orm.em as EntityManager, binding, batch, this.batchScope());
  }

  private bindingOf(eventName: string): EventBinding {
    const binding = this.bindings().find((b) => b.event.name === eventName);
    if (!binding) throw new Error(`${this.runtime.service} does not consume ${eventName}`);
    return binding;
  }

  private batchScope(): BatchScope | undefined {
    return this.withinBatch?.bind(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    const logger = new Logger(this.constructor.name);
    this.consumers = this.bindings().map(
      (binding) =>
        new EventConsumer<EventDef>({
          nc: this.nc,
          prefix: this.runtime.prefix,
          service: binding.service,
          event: binding.event,
          streamReplicas: this.runtime.streamReplicas ?? 1,
          handle: async (payload, meta) => {
            await applyBinding(this.orm.em as EntityManager, binding, payload, meta);
          },
          handleBatch: this.withinBatch
            ? async (items) => void (await applyBindingBatch(this.orm.em as EntityManager, binding, items, this.batchScope()))
            : undefined,
          logger: { log: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        }),
    );
    for (const consumer of this.consumers) await consumer.start();
  }

  /** One entry per durable consumer; unhealthy while its deliveries keep failing transiently (see `consumerHealth()`). */
  health(): ConsumerHealth[] {
    return this.consumers.map((consumer) => consumer.health());
  }

  async onApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
  }
}
