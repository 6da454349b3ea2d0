import { DOMAIN_ERRORS, genericDomainErrorCode, isDomainErrorCode, ProblemDetailsSchema } from '@rd/contracts';

/** What the server (or the code) said about a failure that was not the network's. */
export interface FailureReason {
  /** The answer's HTTP status; null for an error raised on this device. */
  status: number | null;
  /** Reason code of the problem+json (docs/errors.md), when the gateway sent one. */
  code: string | null;
  /**
   * The console's message key for that code (DOMAIN_ERRORS), to translate by; for a code this build does not know,
   * or an answer without one (a proxy's page), the key of the generic code of its status. Null on this device.
   */
  messageKey: string | null;
  /** The problem's detail (else its title, else the error's message): English, for logs and tests, never shown. */
  detail: string;
}

/**
 * Why a request failed, as the person must be told: it never reached the server (`network`: check the connection,
 * retry), the server refused it (`refused`: a 4xx problem, sending it again will not help), the server could not do
 * it now (`unavailable`: 5xx, retry in a moment), or something on this device went wrong (`other`). A refusal is
 * never shown as a network failure.
 */
export type Failure = { kind: 'network' } | ({ kind: 'refused' | 'unavailable' | 'other' } & FailureReason);
export type FailureKind = Failure['kind'];

/** The message key of a failure of this kind when nothing more precise is known (i18n/failures). */
export const failureKindKey = (kind: FailureKind) => `failures.${kind}`;

/** Reads a react-admin HttpError from httpClient.ts: status 0 when fetch itself failed, the problem+json in `body.problem`. */
export function describeFailure(error: unknown): Failure {
  const { status, message, body } = (error ?? {}) as { status?: unknown; message?: unknown; body?: { problem?: unknown } };
  if (status === 0) return { kind: 'network' };
  const problem = ProblemDetailsSchema.safeParse(body?.problem);
  const code = problem.success ? (problem.data.code ?? null) : null;
  const detail = (problem.success ? problem.data.detail || problem.data.title : '') || (typeof message === 'string' ? message : String(error));
  if (typeof status !== 'number') return { kind: 'other', status: null, code, messageKey: null, detail };
  const known = isDomainErrorCode(code) ? code : genericDomainErrorCode(status);
  return { kind: status >= 500 ? 'unavailable' : 'refused', status, code, messageKey: DOMAIN_ERRORS[known].messageKey, detail };
}

/**
 * The one key a failure is told by, in the reader's language (i18nProvider.ts joins what happened and what to do
 * next under it): the reason code's, else the kind's. An error raised on this device may carry a console message
 * key as its message; translate it with `failureKindKey('other')` as the fallback (see useFailureText).
 */
export function failureMessageKey(failure: Failure): string {
  return failure.kind !== 'network' && failure.messageKey ? failure.messageKey : failureKindKey(failure.kind);
}
