import { DOMAIN_ERRORS, ProblemDetailsSchema } from '@rd/contracts';

/** What the server (or the code) said about a failure that was not the network's. */
export interface FailureReason {
  /** The answer's HTTP status; null for an error raised on this device. */
  status: number | null;
  /** Reason code of the problem+json (docs/errors.md), when the gateway sent one. */
  code: string | null;
  /** The console's message key for that code (DOMAIN_ERRORS), to translate by. */
  messageKey: string | null;
  /** The problem's detail (else its title, else the error's message): the fallback text. */
  detail: string;
}

/**
 * Why a request failed, as the person must be told: it never reached the server (`network`: check the connection,
 * retry), the server refused it (`refused`: a 4xx problem, sending it again will not help), the server could not do
 * it now (`unavailable`: 5xx, retry in a moment), or something on this device went wrong (`other`). A refusal is
 * never shown as a network failure.
 */
export type Failure = { kind: 'network' } | ({ kind: 'refused' | 'unavailable' | 'other' } & FailureReason);

/** Reads a react-admin HttpError from httpClient.ts: status 0 when fetch itself failed, the problem+json in `body.problem`. */
export function describeFailure(error: unknown): Failure {
  const { status, message, body } = (error ?? {}) as { status?: unknown; message?: unknown; body?: { problem?: unknown } };
  if (status === 0) return { kind: 'network' };
  const problem = ProblemDetailsSchema.safeParse(body?.problem);
  const code = problem.success ? (problem.data.code ?? null) : null;
  const known = code !== null && Object.hasOwn(DOMAIN_ERRORS, code) ? DOMAIN_ERRORS[code as keyof typeof DOMAIN_ERRORS] : null;
  const detail = (problem.success ? problem.data.detail || problem.data.title : '') || (typeof message === 'string' ? message : String(error));
  const reason = { code, messageKey: known?.messageKey ?? null, detail };
  if (typeof status !== 'number') return { kind: 'other', status: null, ...reason };
  return { kind: status >= 500 ? 'unavailable' : 'refused', status, ...reason };
}
