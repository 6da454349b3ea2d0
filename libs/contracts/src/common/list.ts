import { z } from 'zod';

/** react-admin style paging and sorting, validated the same way for every list query. */
export function listQuerySchema<F extends readonly [string, ...string[]]>(sortFields: F) {
  return z
    .object({
      offset: z.number().int().min(0).max(1_000_000).default(0).describe('Rows to skip'),
      limit: z.number().int().min(1).max(500).default(25).describe('Rows to return'),
      sort: z.enum(sortFields).default(sortFields[0]).describe('Field to sort by'),
      order: z.enum(['ASC', 'DESC']).default('ASC').describe('Sort direction'),
    })
    .strict();
}

export function listReplySchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe('The page of rows'),
    total: z.number().int().min(0).describe('Rows matching the filter, over all pages'),
  });
}
