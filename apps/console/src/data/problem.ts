import { ProblemDetailsSchema, type ProblemDetails } from '@rd/contracts';
import { describeFailure, failureMessageKey } from './failure';

/** What react-admin shows under an input the server refused: its own words are English, so the console's instead. */
export const FIELD_REFUSED = 'app.errors.fieldRefused';

export interface ApiErrorParts {
  /**
   * Shown in react-admin's notification, which translates it: the message key of the failure (the reason code's,
   * see failure.ts), never the problem's English `detail`, which stays in `body.problem`.
   */
  message: string;
  /**
   * react-admin HttpError body. `errors` is what react-admin forms apply as field errors
   * (`{ name: FIELD_REFUSED }`), so it is only set when the gateway named offending fields.
   */
  body: { problem?: ProblemDetails; errors?: Record<string, string> };
}

/** Turns an RFC 9457 problem+json answer (or anything else a proxy sent) with its HTTP status into react-admin error parts. */
export function problemToError(status: number, payload: unknown): ApiErrorParts {
  const parsed = ProblemDetailsSchema.safeParse(payload);
  if (!parsed.success) return { message: failureMessageKey(describeFailure({ status, body: {} })), body: {} };
  const problem = parsed.data;
  const errors = Object.fromEntries(Object.keys(fieldErrors(problem.errors ?? [])).map((input) => [input, FIELD_REFUSED]));
  return {
    message: failureMessageKey(describeFailure({ status, body: { problem } })),
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
