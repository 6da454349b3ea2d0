import { z } from 'zod';
import { defineRequest } from '../message';
import { ImportRowErrorSchema, ImportRowsSchema } from './import-communities.dto';

export const DryRunCommunityImportQryV1 = defineRequest({
  name: 'communities.qry.community-import.dry-run.v1',
  kind: 'qry',
  owner: 'communities',
  description:
    'Checks parsed import rows against the geography, the actor scope and existing communities (duplicate names, in the file and in the district) without writing.',
  schema: ImportRowsSchema,
  reply: z.object({ errors: z.array(ImportRowErrorSchema).describe('Problems found, by row; empty when the rows can be applied') }),
});
