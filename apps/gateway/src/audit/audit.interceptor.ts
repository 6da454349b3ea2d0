import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { tap } from 'rxjs';
import { isStateChanging } from './audit-entry';

export interface AuditedRequest {
  method: string;
  /** What a state-changing handler returned as `id` (the created community), for the audit record. */
  auditCreatedId?: string;
  /** Set by a handler whose successful read is recorded too (an export; see shouldAudit). */
  auditRead?: boolean;
}

/**
 * Notes the id of what a state-changing handler produced: the route has no id yet when it creates something.
 * Recording itself happens when the answer is sent (AuditRecorder's onSend hook), where 403s thrown by the guard are seen too.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (!isStateChanging(request.method)) return next.handle();
    return next.handle().pipe(
      tap((result) => {
        const id = (result as { id?: unknown } | null)?.id;
        if (typeof id === 'string') request.auditCreatedId = id;
      }),
    );
  }
}
