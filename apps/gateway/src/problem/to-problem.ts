import { HttpException } from '@nestjs/common';
import { HiddenObjectError, PermissionDeniedError, UnauthenticatedError } from '@rd/auth-nest';
import type { FieldError } from '@rd/contracts';
import { RpcError } from '@rd/messaging';
import { errorCodeToStatus } from './error-code-to-status';
import { ProblemError } from './problem';

export interface ProblemParts {
  status: number;
  detail: string;
  errors?: FieldError[];
  /** Log it: the client sees only a generic message. */
  internal?: boolean;
}

/** Decides what a client learns about an error; internals never pass. */
export function toProblem(error: unknown): ProblemParts {
  if (error instanceof ProblemError) return { status: error.status, detail: error.detail, errors: error.errors };
  if (error instanceof UnauthenticatedError) return { status: 401, detail: 'A valid access token is required' };
  if (error instanceof HiddenObjectError) return { status: 404, detail: 'Not found' };
  if (error instanceof PermissionDeniedError) return { status: 403, detail: 'You are not allowed to do this' };
  if (error instanceof RpcError) {
    const status = errorCodeToStatus(error.payload.code);
    if (status >= 500) return { status, detail: status === 503 ? 'A service is not available, try again' : 'Internal error', internal: true };
    return { status, detail: error.payload.message, errors: error.payload.errors };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, detail: status >= 500 ? 'Internal error' : error.message, internal: status >= 500 };
  }
  // Fastify's router refuses a URL it cannot decode (a lone surrogate such as %ED%A0%80) or a path parameter over
  // its length limit before any route runs (found by the fuzz suite, apps/e2e/src/fuzz).
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_ERR_BAD_URL') return { status: 400, detail: 'The URL is not valid' };
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return { status: 414, detail: 'A path parameter is too long' };
  // Fastify's own errors (body too large, unsupported media type, malformed JSON) carry a status.
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, detail: fastifyDetail(statusCode) };
  }
  return { status: 500, detail: 'Internal error', internal: true };
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
