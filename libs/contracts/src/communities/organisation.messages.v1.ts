import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import {
  CreateOrganisationInputSchema,
  OrganisationKindSchema,
  OrganisationViewSchema,
  UpdateOrganisationInputSchema,
} from './organisation.dto';

const Id = z.string().uuid().describe('Organisation id');

export const ListOrganisationsQryV1 = defineRequest({
  name: 'communities.qry.organisation.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'Organisations within the actor scope; filters only narrow it.',
  schema: listQuerySchema(['name', 'kind', 'districtCode', 'createdAt'] as const).extend({
    kind: OrganisationKindSchema.optional().describe('Only this kind'),
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    regionCode: GeoCodeSchema.optional().describe('Only this region'),
    meetingDistrict: GeoCodeSchema.optional().describe(
      'Only those a meeting in this district may refer to: of the district, or region-level in its region (the regional law-enforcement department)',
    ),
    q: z.string().max(120).optional().describe('Name contains (case-insensitive)'),
    ids: z.array(z.string().uuid()).max(100).optional().describe('Only these ids (react-admin getMany)'),
  }),
  reply: listReplySchema(OrganisationViewSchema),
});

export const GetOrganisationQryV1 = defineRequest({
  name: 'communities.qry.organisation.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'One organisation; NOT_FOUND when unknown or outside the actor scope.',
  schema: z.object({ id: Id }).strict(),
  reply: OrganisationViewSchema,
});

export const CreateOrganisationCmdV1 = defineRequest({
  name: 'communities.cmd.organisation.create.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Add an organisation in a district or region in scope.',
  schema: CreateOrganisationInputSchema,
  reply: OrganisationViewSchema,
});

export const UpdateOrganisationCmdV1 = defineRequest({
  name: 'communities.cmd.organisation.update.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Rename or re-classify an organisation in scope (its place does not change).',
  schema: z.object({ id: Id, patch: UpdateOrganisationInputSchema }).strict(),
  reply: OrganisationViewSchema,
});

export const DeleteOrganisationCmdV1 = defineRequest({
  name: 'communities.cmd.organisation.delete.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Remove an organisation in scope; CONFLICT while a contact or community refers to it.',
  schema: z.object({ id: Id }).strict(),
  reply: z.object({ id: z.string().uuid() }),
});
