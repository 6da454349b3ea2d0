import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { CommunityStatusSchema } from '../communities/community.dto';
import { defineRequest } from '../message';

export const DistrictReportSchema = z.object({
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema.nullable().describe('Null until the district has been seen in an event'),
  communities: z.object({
    total: z.number().int().min(0).describe('Communities in the programme'),
    byStatus: z.record(CommunityStatusSchema, z.number().int().min(0)).describe('Count per onboarding state'),
  }),
  updatedAt: z.string().nullable().describe('Time of the last event applied to this district'),
});
export type DistrictReport = z.infer<typeof DistrictReportSchema>;

export const GetDistrictReportQryV1 = defineRequest({
  name: 'reporting.qry.district-report.get.v1',
  kind: 'qry',
  owner: 'reporting',
  description: 'District summary from the reporting read model; NOT_FOUND outside the actor scope.',
  schema: z.object({ districtCode: GeoCodeSchema }).strict(),
  reply: DistrictReportSchema,
});
