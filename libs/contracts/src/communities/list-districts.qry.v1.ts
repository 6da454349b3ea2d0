import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineRequest } from '../message';
import { DistrictViewSchema } from './community.dto';

export const ListDistrictsQryV1 = defineRequest({
  name: 'communities.qry.district.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'Districts within the actor scope, with names in every language.',
  schema: z
    .object({
      regionCode: GeoCodeSchema.optional().describe('Only this region'),
      q: z.string().max(120).optional().describe('Code or English name contains'),
    })
    .strict(),
  reply: z.object({ items: z.array(DistrictViewSchema), total: z.number().int() }),
});
