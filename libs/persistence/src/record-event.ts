import type { EntityManager } from '@mikro-orm/core';
import type { DataOf, EventDef } from '@rd/contracts';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Adds a domain event to the unit of work. It is flushed with the change it describes, so call it
 * inside the same `em.transactional` as that change. The payload is validated here, on the producer side.
 */
export function recordEvent<D extends EventDef>(
  em: EntityManager,
  event: D,
  payload: DataOf<D>,
  correlationId: string,
): OutboxMessage {
  const valid = event.schema.parse(payload) as Record<string, unknown>;
  const row = em.create(OutboxMessage, { subject: event.name, payload: valid, correlationId } as never);
  em.persist(row);
  return row;
}
