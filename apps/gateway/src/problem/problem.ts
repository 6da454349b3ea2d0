import type { FieldError, ProblemDetails } from '@rd/contracts';
import { STATUS_CODES } from 'node:http';

/** A problem the gateway decided on; rendered as RFC 9457 problem+json by the filter. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

export function problemBody(status: number, detail: string, instance: string, correlationId: string, errors?: FieldError[]): ProblemDetails {
  const title = STATUS_CODES[status] ?? 'Error';
  return {
    type: `https://reporting-days.example/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title,
    status,
    detail,
    instance,
    correlationId,
    ...(errors?.length ? { errors } : {}),
  };
}
