import { HttpException } from '@nestjs/common';
import { HiddenObjectError, PermissionDeniedError, UnauthenticatedError } from '@rd/auth-nest';
import { genericDomainErrorCode, reasonOfRpcError, type DomainErrorCode, type FieldError } from '@rd/contracts';
import { RpcError } from '@rd/messaging';
import { errorCodeToStatus } from './error-code-to-status';
import { ProblemError } from './problem';

export interface ProblemParts {
  status: number;
  /** The reason code from `DOMAIN_ERRORS`: problem+json's `code` and the end of its `type`. */
  code: DomainErrorCode;
  detail: string;
  errors?: FieldError[];
  /** Log it: the client sees only a generic message. */
  internal?: boolean;
}

/** Decides what a client learns about an error; internals never pass. */
export function toProblem(error: unknown): ProblemParts {
  if (error instanceof ProblemError) return { status: error.status, code: error.code, detail: error.detail, errors: error.errors };
  if (error instanceof UnauthenticatedError) return { status: 401, code: 'auth.unauthenticated', detail: 'A valid access token is required' };
  if (error instanceof HiddenObjectError) return { status: 404, code: 'resource.not-found', detail: 'Not found' };
  if (error instanceof PermissionDeniedError) return { status: 403, code: 'auth.forbidden', detail: 'You are not allowed to do this' };
  if (error instanceof RpcError) {
    const status = errorCodeToStatus(error.payload.code);
    const code = reasonOfRpcError(error.payload);
    if (status >= 500) return { status, code, detail: status === 503 ? 'A service is not available, try again' : 'Internal error', internal: true };
    return { status, code, detail: error.payload.message, errors: error.payload.errors };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, code: genericDomainErrorCode(status), detail: status >= 500 ? 'Internal error' : error.message, internal: status >= 500 };
  }
  // Fastify's router refuses a URL it cannot decode (a lone surrogate such as %ED%A0%80) or a path parameter over
  // its length limit before any route runs (found by the fuzz suite, apps/e2e/src/fuzz).
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_ERR_BAD_URL') return { status: 400, code: 'request.invalid', detail: 'The URL is not valid' };
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return { status: 414, code: 'request.uri-too-long', detail: 'A path parameter is too long' };
  // Fastify's own errors (body too large, unsupported media type, malformed JSON) carry a status.
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, code: genericDomainErrorCode(statusCode), detail: fastifyDetail(statusCode) };
  }
  return { status: 500, code: 'server.internal', detail: 'Internal error', internal: true };
}

function fastifyDetail(status: number): string {
  switch (status) {
    case 413:
      return 'The request body is too large';
    case 415:
      return 'Send application/json';
    case 400:
      return 'The request body is not valid JSON';
    default:
      return 'The request cannot be processed';
  }
}
