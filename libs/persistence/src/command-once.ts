import type { EntityManager, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import { InboxMessage } from './inbox-message.entity';

/**
 * A command sent with the gateway's idempotency key (the `rd-idempotency-key` header): the inbox row
 * (`rpc:<subject>`, key) is written in the first ORM flush of the command that changes anything (its recorded events
 * are flushed with it; a draft meeting records none), so a command that
 * committed is known as applied even when its service died before answering, and a retry of it is refused instead of
 * applied twice (docs/adr/0029-idempotency-keys.md, "Keys reach the services").
 */
export interface CommandKey {
  key: string;
  subject: string;
  /** Set once the inbox row is in a unit of work: one row per command, whatever it records. */
  claimed: boolean;
}

export const commandKeyScope = new AsyncLocalStorage<CommandKey>();

/** The inbox consumer name of keyed commands on one subject. */
export function commandInboxConsumer(subject: string): string {
  return `rpc:${subject}`.slice(0, 200);
}

/** True when a command with this key on this subject committed before. */
export async function commandApplied(em: EntityManager, subject: string, key: string): Promise<boolean> {
  // With the transaction context: in the caller's transaction when it has one (docs/adr/0032-entities-or-sql.md).
  const rows = await em
    .getConnection()
    .execute<{ found: number }[]>(
      'select 1 as found from "inbox_message" where "consumer" = ? and "message_id" = ?',
      [commandInboxConsumer(subject), key],
      'all',
      em.getTransactionContext(),
    );
  return rows.length > 0;
}

/**
 * Claims the key in the first flush of a keyed command that changes anything, inside that flush: a write without an
 * event (a draft meeting) is known as applied too. The fault matrix stored a draft meeting twice under clock skew
 * before this (its service restarted after committing and before answering; the retry ran the command again).
 */
export class CommandKeySubscriber implements EventSubscriber {
  onFlush(args: FlushEventArgs): void {
    const scope = commandKeyScope.getStore();
    if (!scope || scope.claimed || args.uow.getChangeSets().length === 0) return;
    scope.claimed = true;
    const row = args.em.create(InboxMessage, { consumer: commandInboxConsumer(scope.subject), messageId: scope.key, subject: scope.subject.slice(0, 200) } as never);
    args.uow.computeChangeSet(row);
  }
}
