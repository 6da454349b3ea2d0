import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommunityCreatedEvtV1 } from '@rd/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { DistrictReportsService } from './district-reports.service';

/** Durable consumer of community.created: keeps the district read model current. */
@Injectable()
export class CommunityCreatedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CommunityCreatedConsumer.name);
  private consumer?: EventConsumer<typeof CommunityCreatedEvtV1>;

  constructor(
    private readonly reports: DistrictReportsService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer({
      nc: this.nc,
      prefix: this.options.prefix,
      service: 'reporting',
      event: CommunityCreatedEvtV1,
      handle: async (event, meta) => {
        await this.reports.onCommunityCreated(event, meta);
      },
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
