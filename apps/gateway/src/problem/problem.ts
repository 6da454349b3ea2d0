import { DOMAIN_ERRORS, genericDomainErrorCode, type DomainErrorCode, type FieldError, type ProblemDetails } from '@rd/contracts';
import { STATUS_CODES } from 'node:http';

/** Problem types are one URI per reason code (ADR 31). */
export const PROBLEM_TYPE_BASE = 'https://reporting-days.example/problems/';

/**
 * A problem the gateway decided on, named by its reason code from `DOMAIN_ERRORS` (its status follows); rendered
 * as RFC 9457 problem+json by the filter.
 */
export class ProblemError extends Error {
  readonly status: number;

  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.status = DOMAIN_ERRORS[code].status;
  }
}

export function problemBody(
  status: number,
  detail: string,
  instance: string,
  correlationId: string,
  errors?: FieldError[],
  code: DomainErrorCode = genericDomainErrorCode(status),
): ProblemDetails {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
    instance,
    correlationId,
    ...(errors?.length ? { errors } : {}),
  };
}
