import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataOf, EventDef } from '@rd/contracts';
import type { NatsConnection } from 'nats';
import { EventConsumer, type ConsumerHealth, type EventMeta } from '../event.consumer';
import type { ServiceRuntimeOptions } from './service-runtime.options';

/**
 * Runs one durable consumer of `event` for the life of the application. A subclass injects what its
 * handler needs plus NATS_CONNECTION and SERVICE_RUNTIME_OPTIONS, and implements `handle`, which must
 * resolve only once its effect is committed.
 */
export abstract class EventConsumerHost<D extends EventDef> implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: EventConsumer<D>;

  protected constructor(
    private readonly event: D,
    private readonly nc: NatsConnection,
    private readonly runtime: ServiceRuntimeOptions,
  ) {}

  protected abstract handle(payload: DataOf<D>, meta: EventMeta): Promise<unknown>;

  async onApplicationBootstrap(): Promise<void> {
    const logger = new Logger(this.constructor.name);
    this.consumer = new EventConsumer({
      nc: this.nc,
      prefix: this.runtime.prefix,
      service: this.runtime.service,
      event: this.event,
      streamReplicas: this.runtime.streamReplicas ?? 1,
      handle: async (payload, meta) => {
        await this.handle(payload, meta);
      },
      logger: { log: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    });
    await this.consumer.start();
  }

  /** Unhealthy while its deliveries keep failing transiently (e.g. its database is down); see `consumerHealth()`. */
  health(): ConsumerHealth | undefined {
    return this.consumer?.health();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
