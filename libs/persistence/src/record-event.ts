import type { EntityManager } from '@mikro-orm/core';
import type { DataOf, EventDef } from '@rd/contracts';
import { outboxAggregateKey } from './aggregate-key';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Adds a domain event to the unit of work. It is flushed with the change it describes, so call it
 * inside the same `em.transactional` as that change. The payload is validated here, on the producer side.
 * Events are ordered per aggregate (`options.aggregateKey`, by default derived from the payload: aggregate-key.ts).
 * In a command sent with an idempotency key, the flush that writes it also marks the command applied (CommandKeySubscriber).
 */
export function recordEvent<D extends EventDef>(
  em: EntityManager,
  event: D,
  payload: DataOf<D>,
  correlationId: string,
  options: { aggregateKey?: string } = {},
): OutboxMessage {
  const valid = event.schema.parse(payload) as Record<string, unknown>;
  const aggregateKey = (options.aggregateKey ?? outboxAggregateKey(event.name, valid)).slice(0, 200);
  const row = em.create(OutboxMessage, { subject: event.name, payload: valid, correlationId, aggregateKey } as never);
  em.persist(row);
  return row;
}
