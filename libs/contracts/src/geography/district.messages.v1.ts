import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { DistrictViewSchema } from '../communities/community.dto';
import { defineRequest } from '../message';
import { CreateDistrictInputSchema, UpdateDistrictInputSchema } from './geography.dto';

export const GetDistrictQryV1 = defineRequest({
  name: 'communities.qry.district.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'One district; NOT_FOUND when unknown or outside the actor scope.',
  schema: z.object({ code: GeoCodeSchema.describe('District code') }).strict(),
  reply: DistrictViewSchema,
});

export const CreateDistrictCmdV1 = defineRequest({
  name: 'communities.cmd.district.create.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Add a district to a region (national coordinator). CONFLICT when the code exists.',
  schema: CreateDistrictInputSchema,
  reply: DistrictViewSchema,
});

export const UpdateDistrictCmdV1 = defineRequest({
  name: 'communities.cmd.district.update.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Rename, relocate or change the time zone of a district (national coordinator).',
  schema: z.object({ code: GeoCodeSchema.describe('District code'), patch: UpdateDistrictInputSchema }).strict(),
  reply: DistrictViewSchema,
});
