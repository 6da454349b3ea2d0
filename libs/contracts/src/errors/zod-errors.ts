import type { z } from 'zod';
import type { FieldError } from './error-code';

/** Flattens a zod error into the `errors[]` list a client sees. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}
