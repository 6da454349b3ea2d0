import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { OutboxRelay } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { guardedJetStreamPublisher, publishFailureScope, StreamCapacityMonitor } from '../stream-capacity';
import { ensureEventStream } from '../streams';
import { eventStreamName } from '@rd/contracts';
import { NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from './service-runtime.options';

/**
 * Runs the service's outbox relay for as long as the application runs, and watches how full the streams it publishes
 * to are (its own and the audit stream): a warning from 80 %, an error from 95 % (docs/runbooks/streams.md).
 */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayHost.name);
  private relay?: OutboxRelay;
  private monitor?: StreamCapacityMonitor;

  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.relayOutbox) return;
    const jsm = await this.nc.jetstreamManager();
    await ensureEventStream(jsm, this.options.prefix, this.options.service, { replicas: this.options.streamReplicas ?? 1 });
    const logger = { log: (m: string) => this.logger.log(m), warn: (m: string) => this.logger.warn(m), error: (m: string) => this.logger.error(m) };
    this.relay = new OutboxRelay({
      orm: this.orm,
      databaseUrl: this.options.databaseUrl,
      // Never into the last stretch of a stream, where nats-server trims the oldest events despite discard: new.
      publish: guardedJetStreamPublisher(this.nc.jetstream(), jsm, this.options.prefix),
      // A full or missing stream holds back that stream only; a refused message only its aggregate.
      classifyFailure: publishFailureScope,
      logger,
    });
    await this.relay.start();
    this.monitor = new StreamCapacityMonitor({
      jsm,
      streams: [eventStreamName(this.options.prefix, this.options.service), eventStreamName(this.options.prefix, 'audit')],
      logger,
    });
    this.monitor.start();
  }

  /** The relay's held-back streams and aggregates and the streams' fill levels, for health and metrics. */
  status() {
    return { heldBack: this.relay?.heldBack() ?? [], streams: this.monitor?.latest() ?? [] };
  }

  async onApplicationShutdown(): Promise<void> {
    this.monitor?.stop();
    await this.relay?.stop();
  }
}
