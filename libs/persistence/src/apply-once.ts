import type { EntityManager } from '@mikro-orm/postgresql';

export interface InboxKey {
  /** Durable consumer name: <consumer-service>__<aggregate>-<action>-v<N>. */
  consumer: string;
  /** Nats-Msg-Id of the message (the producer's outbox row id). */
  messageId: string;
  subject: string;
}

/**
 * Applies a message's effect at most once: the inbox row and the effect commit together, so a
 * redelivered message finds its row and changes nothing. Returns false for a duplicate.
 */
export async function applyOnce(
  em: EntityManager,
  key: InboxKey,
  effect: (tx: EntityManager) => Promise<void>,
): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const inserted = await tx.execute<{ message_id: string }[]>(
      `insert into "inbox_message" ("consumer", "message_id", "subject") values (?, ?, ?)
       on conflict do nothing returning "message_id"`,
      [key.consumer, key.messageId, key.subject],
    );
    if (inserted.length === 0) return false;
    await effect(tx);
    return true;
  });
}
