import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditEntrySubmittedEvtV1 } from '@rd/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from '@rd/messaging';
import type { NatsConnection } from 'nats';
import { AuditEntriesService } from './audit-entries.service';

/** Durable consumer of audit.entry.submitted: every record the gateway and the services submit ends up in audit_entry. */
@Injectable()
export class EntrySubmittedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EntrySubmittedConsumer.name);
  private consumer?: EventConsumer<typeof AuditEntrySubmittedEvtV1>;

  constructor(
    private readonly entries: AuditEntriesService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer({
      nc: this.nc,
      prefix: this.options.prefix,
      service: 'audit',
      event: AuditEntrySubmittedEvtV1,
      handle: async (entry, meta) => {
        await this.entries.record(entry, meta);
      },
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
