import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MeetingScheduledEvtV1 } from '@rd/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { CommunitiesService } from './communities.service';

/** Durable consumer of meetings.evt.meeting.scheduled: ticks "first reporting day planned" (inbox-deduplicated). */
@Injectable()
export class MeetingScheduledConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MeetingScheduledConsumer.name);
  private consumer?: EventConsumer<typeof MeetingScheduledEvtV1>;

  constructor(
    private readonly communities: CommunitiesService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer({
      nc: this.nc,
      prefix: this.options.prefix,
      service: 'communities',
      event: MeetingScheduledEvtV1,
      handle: async (event, meta) => {
        await this.communities.onMeetingScheduled(event, meta);
      },
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
