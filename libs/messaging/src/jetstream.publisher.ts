import { HEADER_CORRELATION_ID, HEADER_OCCURRED_AT, prefixedSubject } from '@rd/contracts';
import { headers as natsHeaders, JSONCodec, type JetStreamClient } from 'nats';

const json = JSONCodec();

export interface OutgoingEvent {
  id: string;
  subject: string;
  payload: Record<string, unknown>;
  correlationId: string;
  occurredAt: Date;
}

/**
 * Publishes an event with JetStream's acknowledged publish; `Nats-Msg-Id` = outbox row id so a
 * repeat within the duplicate window is dropped by the stream.
 */
export function jetStreamPublisher(js: JetStreamClient, prefix: string, timeoutMs = 5000) {
  return async (event: OutgoingEvent): Promise<void> => {
    const h = natsHeaders();
    h.set(HEADER_CORRELATION_ID, event.correlationId);
    h.set(HEADER_OCCURRED_AT, event.occurredAt.toISOString());
    await js.publish(prefixedSubject(prefix, event.subject), json.encode(event.payload), {
      msgID: event.id,
      headers: h,
      timeout: timeoutMs,
    });
  };
}
