import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';

export const CommunityUpdatedEvtV1 = defineEvent({
  name: 'communities.evt.community.updated.v1',
  owner: 'communities',
  description: 'A community changed. Carries the names of the changed fields, never their values.',
  schema: z
    .object({
      communityId: z.string().uuid().describe('Community id'),
      districtCode: GeoCodeSchema.describe('District of the community'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      changedFields: z.array(z.string().regex(/^[a-zA-Z]+$/)).min(1).describe('Names of the fields that changed'),
      occurredAt: z.string().datetime().describe('When it changed (UTC)'),
    })
    .strict(),
});
