import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { DomainException, ErrorCode, type RpcErrorPayload } from '@rd/contracts';
import { throwError, type Observable } from 'rxjs';
import { describeError } from './log-redaction';

/** Turns any error in a NATS handler into a coded payload; internals stay in the service log. */
@Catch()
export class RpcDomainExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => toRpcError(exception, this.logger));
  }
}

export function toRpcError(exception: unknown, logger?: Logger): RpcErrorPayload {
  if (exception instanceof DomainException) {
    return { code: exception.code, reason: exception.reason, message: exception.message, errors: exception.errors };
  }
  // Database errors carry the statement with its values: describe them without (the logger redacts too).
  logger?.error(describeError(exception));
  return { code: ErrorCode.Internal, message: 'Internal error' };
}
