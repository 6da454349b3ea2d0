import type { EntityManager } from '@mikro-orm/postgresql';

export interface InboxKey {
  /** Durable consumer name: <consumer-service>__<aggregate>-<action>-v<N>. */
  consumer: string;
  /** Nats-Msg-Id of the message (the producer's outbox row id). */
  messageId: string;
  subject: string;
}

/** Records a message in the inbox inside `tx`; false when it is there already (a redelivery or a duplicate). */
async function insertInboxRow(tx: EntityManager, key: InboxKey): Promise<boolean> {
  const inserted = await tx.execute<{ message_id: string }[]>(
    `insert into "inbox_message" ("consumer", "message_id", "subject") values (?, ?, ?)
     on conflict do nothing returning "message_id"`,
    [key.consumer, key.messageId, key.subject],
  );
  return inserted.length > 0;
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
  const [applied] = await applyEachOnce(em, [{ key, effect }]);
  return applied;
}

/** Wraps the effects of one batch inside its transaction (e.g. to do once, before the commit, what they all touch). */
export type BatchScope = (tx: EntityManager, run: () => Promise<void>) => Promise<void>;

/**
 * Applies several messages at most once each, in one transaction: every inbox row and effect commit together or not
 * at all (the caller then retries them one by one). Resolves with which were applied (false: a duplicate).
 */
export async function applyEachOnce(
  em: EntityManager,
  items: readonly { key: InboxKey; effect: (tx: EntityManager) => Promise<void> }[],
  scope: BatchScope = (_tx, run) => run(),
): Promise<boolean[]> {
  return em.fork().transactional(async (tx) => {
    const applied: boolean[] = [];
    await scope(tx, async () => {
      for (const item of items) {
        const inserted = await insertInboxRow(tx, item.key);
        if (inserted) await item.effect(tx);
        applied.push(inserted);
      }
    });
    return applied;
  });
}
