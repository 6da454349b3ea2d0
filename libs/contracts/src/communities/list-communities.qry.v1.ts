import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import { CommunityStatusSchema, CommunityViewSchema } from './community.dto';

export const ListCommunitiesQryV1 = defineRequest({
  name: 'communities.qry.community.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'Communities within the actor scope; filters only narrow that scope.',
  schema: listQuerySchema(['name', 'createdAt', 'districtCode', 'status'] as const).extend({
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    status: CommunityStatusSchema.optional().describe('Only this status'),
    q: z.string().max(120).optional().describe('Name contains (case-insensitive)'),
  }),
  reply: listReplySchema(CommunityViewSchema),
});
