import { defineRequest } from '../message';
import { CommunityViewSchema, CreateCommunityInputSchema } from './community.dto';

export const CreateCommunityCmdV1 = defineRequest({
  name: 'communities.cmd.community.create.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Propose a new community in a district the actor holds. Emits community.created.',
  schema: CreateCommunityInputSchema,
  reply: CommunityViewSchema,
});
