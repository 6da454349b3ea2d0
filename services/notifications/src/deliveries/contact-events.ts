import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContactConsentChangedEvtV1, ContactErasedEvtV1, DataOf } from '@rd/contracts';
import { ContactStateRepository } from './contact-state.repository';
import { DeliveryRepository } from './delivery.repository';

/**
 * Erasure reaches every copy notifications holds: the person's address, name and rendered messages go, messages about
 * them (inbox, role audiences) and provider errors are redacted, queued ones are skipped, and the sender will send
 * them nothing more (DeliveryRepository.eraseContact, contact_state). `beforeCommit` is a test seam (null in
 * production), awaited after the redaction, before the inbox transaction commits.
 */
export async function eraseContact(
  tx: EntityManager,
  payload: DataOf<typeof ContactErasedEvtV1>,
  beforeCommit: ((contactId: string) => Promise<void>) | null,
): Promise<void> {
  const states = new ContactStateRepository(tx);
  // Waits for every transaction writing to or about the contact to commit, and makes later ones wait for this one.
  await states.lockForChange(payload.contactId);
  await states.recordErasure(payload.contactId, new Date(payload.occurredAt));
  await new DeliveryRepository(tx).eraseContact(payload.contactId);
  await beforeCommit?.(payload.contactId);
}

/**
 * Consent withdrawn reaches the send queue at once: deliveries still queued to the contact are skipped (`no-consent`)
 * in the inbox transaction, and the consent is remembered by id so the sender drops anything queued from a recipient
 * list resolved just before. A later "consent given" lets messages flow again; an older event changes nothing.
 */
export async function changeContactConsent(tx: EntityManager, payload: DataOf<typeof ContactConsentChangedEvtV1>): Promise<void> {
  const states = new ContactStateRepository(tx);
  // Waits for every transaction writing to or about the contact to commit, and makes later ones wait for this one.
  await states.lockForChange(payload.contactId);
  const recorded = await states.recordConsent(payload.contactId, payload.consent, new Date(payload.occurredAt));
  if (recorded && !payload.consent) await new DeliveryRepository(tx).withdrawConsent(payload.contactId);
}
