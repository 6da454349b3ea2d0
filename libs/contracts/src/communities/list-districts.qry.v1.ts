import { z } from 'zod';
import { defineRequest } from '../message';
import { DistrictViewSchema } from './community.dto';

export const ListDistrictsQryV1 = defineRequest({
  name: 'communities.qry.district.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'Districts within the actor scope, with names in every language.',
  schema: z.object({}).strict(),
  reply: z.object({ items: z.array(DistrictViewSchema), total: z.number().int() }),
});
