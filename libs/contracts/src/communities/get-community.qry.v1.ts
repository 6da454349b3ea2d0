import { z } from 'zod';
import { defineRequest } from '../message';
import { CommunityViewSchema } from './community.dto';

export const GetCommunityQryV1 = defineRequest({
  name: 'communities.qry.community.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'One community; NOT_FOUND when it does not exist or lies outside the actor scope.',
  schema: z.object({ id: z.string().uuid().describe('Community id') }).strict(),
  reply: CommunityViewSchema,
});
