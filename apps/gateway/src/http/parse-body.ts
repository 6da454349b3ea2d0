import { toFieldErrors } from '@rd/contracts';
import type { z } from 'zod';
import { ProblemError } from '../problem/problem';

/** Validates input at the gateway (the service validates again): 400 listing the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw new ProblemError('request.invalid', 'The request is invalid', toFieldErrors(parsed.error));
  return parsed.data;
}
