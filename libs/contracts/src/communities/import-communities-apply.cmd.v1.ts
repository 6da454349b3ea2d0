import { z } from 'zod';
import { defineRequest } from '../message';
import { ImportedCommunitySchema, ImportRowErrorSchema, ImportRowsSchema } from './import-communities.dto';

export const ApplyCommunityImportCmdV1 = defineRequest({
  name: 'communities.cmd.community-import.apply.v1',
  kind: 'cmd',
  owner: 'communities',
  description:
    'Creates every row as a proposed community in one transaction, each with its community.created event; any problem rejects the whole import and writes nothing.',
  schema: ImportRowsSchema,
  reply: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('applied'), created: z.array(ImportedCommunitySchema).describe('One per row, in row order') }),
    z.object({ outcome: z.literal('rejected'), errors: z.array(ImportRowErrorSchema).min(1).describe('Why nothing was written') }),
  ]),
});
