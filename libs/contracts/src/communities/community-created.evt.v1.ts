import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { CommunityKindSchema, CommunityStatusSchema } from './community.dto';

export const CommunityCreatedEvtV1 = defineEvent({
  name: 'communities.evt.community.created.v1',
  owner: 'communities',
  description: 'A community entered the programme (usually as proposed). Ids and codes only.',
  schema: z
    .object({
      communityId: z.string().uuid().describe('Community id'),
      districtCode: GeoCodeSchema.describe('District of the community'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      kind: CommunityKindSchema,
      status: CommunityStatusSchema.describe('Status at creation'),
      occurredAt: z.string().datetime().describe('When the community was created (UTC)'),
    })
    .strict(),
});
