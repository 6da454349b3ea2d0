import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineRequest } from '../message';
import { CreateRegionInputSchema, RegionViewSchema, UpdateRegionInputSchema } from './geography.dto';

export const ListRegionsQryV1 = defineRequest({
  name: 'communities.qry.region.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'Every region: reference data without personal data, readable by anyone with geography:read.',
  schema: z
    .object({
      countryCode: z.string().length(2).optional().describe('Only this country'),
      q: z.string().max(120).optional().describe('Code or English name contains'),
    })
    .strict(),
  reply: z.object({ items: z.array(RegionViewSchema), total: z.number().int() }),
});

export const GetRegionQryV1 = defineRequest({
  name: 'communities.qry.region.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'One region; NOT_FOUND when unknown.',
  schema: z.object({ code: GeoCodeSchema.describe('Region code') }).strict(),
  reply: RegionViewSchema,
});

export const CreateRegionCmdV1 = defineRequest({
  name: 'communities.cmd.region.create.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Add a region (national coordinator). CONFLICT when the code exists.',
  schema: CreateRegionInputSchema,
  reply: RegionViewSchema,
});

export const UpdateRegionCmdV1 = defineRequest({
  name: 'communities.cmd.region.update.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Rename or locate a region (national coordinator).',
  schema: z.object({ code: GeoCodeSchema.describe('Region code'), patch: UpdateRegionInputSchema }).strict(),
  reply: RegionViewSchema,
});
