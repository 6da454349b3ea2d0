import { Inject, Injectable } from '@nestjs/common';
import { CommunityCreatedEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { DistrictReportsService } from './district-reports.service';

/** Durable consumer of community.created: keeps the district read model current. */
@Injectable()
export class CommunityCreatedConsumer extends EventConsumerHost<typeof CommunityCreatedEvtV1> {
  constructor(
    private readonly reports: DistrictReportsService,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(CommunityCreatedEvtV1, nc, runtime);
  }

  protected handle(payload: DataOf<typeof CommunityCreatedEvtV1>, meta: EventMeta): Promise<unknown> {
    return this.reports.onCommunityCreated(payload, meta);
  }
}
