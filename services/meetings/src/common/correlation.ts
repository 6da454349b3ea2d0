import type { NatsContext } from '@nestjs/microservices';
import { HEADER_CORRELATION_ID } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

export function correlationIdOf(context: NatsContext): string {
  return context.getHeaders()?.get(HEADER_CORRELATION_ID) || randomUUID();
}
