import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { ContactErasedEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import { applyOnce } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { ContactStateRepository } from './contact-state.repository';
import { DeliveryRepository } from './delivery.repository';

/**
 * Erasure reaches every copy notifications holds: the person's address, name and rendered messages go, messages about
 * them (inbox, role audiences) and provider errors are redacted, queued ones are skipped, and the sender will send
 * them nothing more (DeliveryRepository.eraseContact, contact_state).
 */
@Injectable()
export class ContactErasedConsumer extends EventConsumerHost<typeof ContactErasedEvtV1> {
  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(ContactErasedEvtV1, nc, runtime);
  }

  /**
   * Test seam, null in production: awaited inside the erasure's transaction after the redaction, before it commits,
   * so a test can force what runs concurrently with an erasure in flight.
   */
  beforeCommit: ((contactId: string) => Promise<void>) | null = null;

  protected handle(payload: DataOf<typeof ContactErasedEvtV1>, meta: EventMeta): Promise<unknown> {
    return applyOnce(this.orm.em.fork() as EntityManager, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, async (tx) => {
      const states = new ContactStateRepository(tx);
      // Waits for every transaction writing to or about the contact to commit, and makes later ones wait for this one.
      await states.lockForChange(payload.contactId);
      await states.recordErasure(payload.contactId, new Date(payload.occurredAt));
      await new DeliveryRepository(tx).eraseContact(payload.contactId);
      await this.beforeCommit?.(payload.contactId);
    });
  }
}
