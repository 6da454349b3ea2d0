import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { ContactConsentChangedEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import { applyOnce } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { ContactStateRepository } from './contact-state.repository';
import { DeliveryRepository } from './delivery.repository';

/**
 * Consent withdrawn reaches the send queue at once: deliveries still queued to the contact are skipped (`no-consent`)
 * in the inbox transaction, and the consent is remembered by id so the sender drops anything queued from a recipient
 * list resolved just before. A later "consent given" lets messages flow again; an older event changes nothing.
 */
@Injectable()
export class ContactConsentChangedConsumer extends EventConsumerHost<typeof ContactConsentChangedEvtV1> {
  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(ContactConsentChangedEvtV1, nc, runtime);
  }

  protected handle(payload: DataOf<typeof ContactConsentChangedEvtV1>, meta: EventMeta): Promise<unknown> {
    return applyOnce(this.orm.em.fork() as EntityManager, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, async (tx) => {
      const states = new ContactStateRepository(tx);
      // Waits for every transaction writing to or about the contact to commit, and makes later ones wait for this one.
      await states.lockForChange(payload.contactId);
      const recorded = await states.recordConsent(payload.contactId, payload.consent, new Date(payload.occurredAt));
      if (recorded && !payload.consent) await new DeliveryRepository(tx).withdrawConsent(payload.contactId);
    });
  }
}
