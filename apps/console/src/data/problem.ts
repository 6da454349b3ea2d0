import { ProblemDetailsSchema, type ProblemDetails } from '@rd/contracts';

export interface ApiErrorParts {
  /** Shown in the notification: the problem's `detail`, else its `title`, else the HTTP status text. */
  message: string;
  /**
   * react-admin HttpError body. `errors` is what react-admin forms apply as field errors
   * (`{ name: 'too short' }`), so it is only set when the gateway named offending fields.
   */
  body: { problem?: ProblemDetails; errors?: Record<string, string> };
}

/** Turns an RFC 9457 problem+json answer (or anything else a proxy sent) into react-admin error parts. */
export function problemToError(statusText: string, payload: unknown): ApiErrorParts {
  const parsed = ProblemDetailsSchema.safeParse(payload);
  if (!parsed.success) return { message: statusText || 'ra.notification.http_error', body: {} };
  const problem = parsed.data;
  const errors = fieldErrors(problem.errors ?? []);
  return {
    message: problem.detail || problem.title || statusText || 'ra.notification.http_error',
    body: Object.keys(errors).length > 0 ? { problem, errors } : { problem },
  };
}

/** `languages.0` belongs to the `languages` input; errors about the whole body stay in the notification. */
export function fieldErrors(errors: readonly { field: string; message: string }[]): Record<string, string> {
  const byInput: Record<string, string> = {};
  for (const { field, message } of errors) {
    const input = field.split('.')[0];
    if (!input || input === '__proto__' || input === 'constructor' || input === 'prototype') continue;
    byInput[input] = byInput[input] ? `${byInput[input]}; ${message}` : message;
  }
  return byInput;
}
