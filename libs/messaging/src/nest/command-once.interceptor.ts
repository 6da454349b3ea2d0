import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { DomainException, HEADER_IDEMPOTENCY_KEY } from '@rd/contracts';
import { commandApplied, commandKeyScope } from '@rd/persistence';
import { from, lastValueFrom, type Observable } from 'rxjs';

const ALREADY_APPLIED = 'This request was applied before, but its answer was lost when the service stopped; nothing was done again';

/** PostgreSQL unique violation on the inbox row of a keyed command: a concurrent retry committed first. */
function isCommandInboxConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; table?: string; message?: string };
  return e?.code === '23505' && (e.table === 'inbox_message' || /inbox_message/.test(e.constraint ?? e.message ?? ''));
}

/**
 * Applies a command sent with the gateway's idempotency key once (libs/persistence command-once.ts): a key already
 * recorded as applied is refused with `idempotency.already-applied` before the handler runs; otherwise the handler
 * runs with the key in scope, and its first recorded event records the key in the same transaction.
 */
@Injectable()
export class CommandOnceInterceptor implements NestInterceptor {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const key = nats.getHeaders?.()?.get(HEADER_IDEMPOTENCY_KEY);
    if (!key) return next.handle();
    const subject = nats.getSubject();
    return from(this.run(subject, key, next));
  }

  private async run(subject: string, key: string, next: CallHandler): Promise<unknown> {
    if (await commandApplied(this.orm.em.fork(), subject, key)) throw new DomainException('idempotency.already-applied', ALREADY_APPLIED);
    try {
      // next.handle() calls the handler now: call it inside the scope so recordEvent sees the key.
      return await commandKeyScope.run({ key, subject, claimed: false }, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (error) {
      if (isCommandInboxConflict(error)) throw new DomainException('idempotency.already-applied', ALREADY_APPLIED);
      throw error;
    }
  }
}

