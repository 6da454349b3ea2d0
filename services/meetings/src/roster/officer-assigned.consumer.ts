import { Inject, Injectable } from '@nestjs/common';
import { OfficerAssignedEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { RosterService } from './roster.service';

/** Durable consumer of communities.evt.officer.assigned: keeps the officer roster (inbox-deduplicated). */
@Injectable()
export class OfficerAssignedConsumer extends EventConsumerHost<typeof OfficerAssignedEvtV1> {
  constructor(
    private readonly roster: RosterService,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(OfficerAssignedEvtV1, nc, runtime);
  }

  protected handle(payload: DataOf<typeof OfficerAssignedEvtV1>, meta: EventMeta): Promise<unknown> {
    return this.roster.onOfficerAssigned(payload, meta);
  }
}
