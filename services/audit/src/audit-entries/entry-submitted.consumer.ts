import { Inject, Injectable } from '@nestjs/common';
import { AuditEntrySubmittedEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { AuditEntriesService } from './audit-entries.service';

/** Durable consumer of audit.entry.submitted: every record the gateway and the services submit ends up in audit_entry. */
@Injectable()
export class EntrySubmittedConsumer extends EventConsumerHost<typeof AuditEntrySubmittedEvtV1> {
  constructor(
    private readonly entries: AuditEntriesService,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(AuditEntrySubmittedEvtV1, nc, runtime);
  }

  protected handle(payload: DataOf<typeof AuditEntrySubmittedEvtV1>, meta: EventMeta): Promise<unknown> {
    return this.entries.record(payload, meta);
  }
}
