import { z } from 'zod';

/** RFC 9457 problem details as the gateway renders them. */
export const ProblemDetailsSchema = z
  .object({
    type: z.string().describe('URI reference that identifies the problem type: `https://reporting-days.example/problems/<code>`'),
    title: z.string().describe('Short, human-readable summary of the problem type'),
    status: z.number().int().describe('HTTP status code'),
    code: z
      .string()
      .optional()
      .describe('Reason code from the error catalogue (docs/errors.md), e.g. `meeting.not-found`; the console translates by it'),
    detail: z.string().optional().describe('Explanation specific to this occurrence'),
    instance: z.string().optional().describe('URI of the request that failed'),
    correlationId: z.string().optional().describe('Correlation id to quote when asking for help'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('Offending fields, for validation errors'),
  })
  .describe('RFC 9457 problem details');
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;
