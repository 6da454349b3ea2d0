import { Inject, Injectable } from '@nestjs/common';
import { MeetingScheduledEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { CommunitiesService } from './communities.service';

/** Durable consumer of meetings.evt.meeting.scheduled: ticks "first reporting day planned" (inbox-deduplicated). */
@Injectable()
export class MeetingScheduledConsumer extends EventConsumerHost<typeof MeetingScheduledEvtV1> {
  constructor(
    private readonly communities: CommunitiesService,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(MeetingScheduledEvtV1, nc, runtime);
  }

  protected handle(payload: DataOf<typeof MeetingScheduledEvtV1>, meta: EventMeta): Promise<unknown> {
    return this.communities.onMeetingScheduled(payload, meta);
  }
}
