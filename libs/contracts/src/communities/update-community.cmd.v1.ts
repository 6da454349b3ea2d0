import { z } from 'zod';
import { defineRequest } from '../message';
import { CoordinatesSchema } from '../geography/geography.dto';
import { CommunityKindSchema, CommunityViewSchema, LanguageSchema } from './community.dto';

const Id = z.string().uuid();

/**
 * Fields of a community that may change. Absent = unchanged, null = cleared. The district and the code never
 * change; the officer changes through an officer assignment (it keeps the roster history).
 */
export const UpdateCommunityInputSchema = z
  .object({
    name: z.string().trim().min(2).max(120).optional().describe('Community name as residents use it'),
    kind: CommunityKindSchema.optional(),
    location: CoordinatesSchema.nullable().optional().describe('null clears it'),
    population: z.number().int().min(0).max(2_000_000).nullable().optional().describe('Approximate population'),
    languages: z.array(LanguageSchema).max(5).optional().describe('Languages spoken'),
    borderAdjacent: z.boolean().optional().describe('Lies on or near the state border'),
    pairedCommunityIds: z
      .array(Id)
      .max(20)
      .optional()
      .describe('Cross-border partners; replaces the set, kept symmetric; both sides must be in scope'),
    partnerOrganisationId: Id.nullable().optional().describe('Partner NGO (organisation id)'),
    policeUnitId: Id.nullable().optional().describe('Police unit (organisation id)'),
    focalPointContactIds: z.array(Id).max(10).optional().describe('Focal points (contact ids)'),
    localGovernmentContactId: Id.nullable().optional().describe('Local government contact (contact id)'),
  })
  .strict();
export type UpdateCommunityInput = z.infer<typeof UpdateCommunityInputSchema>;

export const UpdateCommunityCmdV1 = defineRequest({
  name: 'communities.cmd.community.update.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Change a community in scope, field by field. Emits community.updated with the changed field names.',
  schema: z.object({ id: Id.describe('Community id'), patch: UpdateCommunityInputSchema }).strict(),
  reply: CommunityViewSchema,
});
