import { z } from 'zod';
import { defineRequest } from '../message';
import { CommunityStatusSchema, CommunityViewSchema } from './community.dto';

export const TransitionCommunityInputSchema = z
  .object({
    to: CommunityStatusSchema.describe('Target status'),
    reason: z.string().trim().max(500).optional().describe('Why (kept for audit; never in events)'),
    effectiveOn: z.iso
      .date('must be a date like "2024-03-01"')
      .optional()
      .describe(
        'Day the change took effect (YYYY-MM-DD), e.g. when the community actually joined; today (the district’s day) when omitted. ' +
          'Never after today, never before the previous transition’s effective day (UNPROCESSABLE, field effectiveOn).',
      ),
  })
  .strict();
export type TransitionCommunityInput = z.infer<typeof TransitionCommunityInputSchema>;

export const TransitionCommunityCmdV1 = defineRequest({
  name: 'communities.cmd.community.transition.v1',
  kind: 'cmd',
  owner: 'communities',
  description:
    'Move a community through onboarding (see COMMUNITY_TRANSITIONS). INVALID_TRANSITION lists the reason and, ' +
    'for active, the missing checklist items in errors[] (field `checklist.<item>`).',
  schema: z.object({ id: z.string().uuid().describe('Community id') }).merge(TransitionCommunityInputSchema).strict(),
  reply: CommunityViewSchema,
});
