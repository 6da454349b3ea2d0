import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { COMMUNITY_STATUS_EVENTS } from '@rd/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { DistrictReportsService } from './district-reports.service';

type StatusEvent = (typeof COMMUNITY_STATUS_EVENTS)[keyof typeof COMMUNITY_STATUS_EVENTS];

/** Durable consumers of the four community status events: move counts between statuses in the read model. */
@Injectable()
export class CommunityStatusChangedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CommunityStatusChangedConsumer.name);
  private consumers: EventConsumer<StatusEvent>[] = [];

  constructor(
    private readonly reports: DistrictReportsService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const logger = { log: (m: string) => this.logger.log(m), warn: (m: string) => this.logger.warn(m), error: (m: string) => this.logger.error(m) };
    this.consumers = Object.values(COMMUNITY_STATUS_EVENTS).map(
      (event: StatusEvent) =>
        new EventConsumer<StatusEvent>({
          nc: this.nc,
          prefix: this.options.prefix,
          service: 'reporting',
          event,
          handle: async (payload, meta) => {
            await this.reports.onCommunityStatusChanged(payload, meta);
          },
          logger,
        }),
    );
    for (const consumer of this.consumers) await consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
  }
}
