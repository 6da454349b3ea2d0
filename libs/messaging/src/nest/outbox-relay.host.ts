import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { OutboxRelay } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { jetStreamPublisher } from '../jetstream.publisher';
import { ensureEventStream } from '../streams';
import { NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from './service-runtime.options';

/** Runs the service's outbox relay for as long as the application runs. */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayHost.name);
  private relay?: OutboxRelay;

  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.relayOutbox) return;
    await ensureEventStream(await this.nc.jetstreamManager(), this.options.prefix, this.options.service, { replicas: this.options.streamReplicas ?? 1 });
    this.relay = new OutboxRelay({
      orm: this.orm,
      databaseUrl: this.options.databaseUrl,
      publish: jetStreamPublisher(this.nc.jetstream(), this.options.prefix),
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
