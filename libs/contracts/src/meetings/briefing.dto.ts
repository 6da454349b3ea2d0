import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Text in the platform's languages; English is required, the others are added as translated. */
const localised = (max: number) =>
  z
    .object({
      en: text(max).describe('English'),
      ru: text(max).optional().describe('Russian'),
      tg: text(max).optional().describe('Tajik'),
      ky: text(max).optional().describe('Kyrgyz'),
    })
    .strict();

export const BriefingInputSchema = z
  .object({
    title: localised(200).describe('Title, per language'),
    summary: localised(1000).describe('Short summary, per language'),
    body: localised(20000).describe('Full briefing text, per language'),
    effectiveDate: z.iso.date().describe('Date the rules it describes take effect'),
  })
  .strict();
export type BriefingInput = z.infer<typeof BriefingInputSchema>;

/** One immutable version of a legal briefing; `familyId` is shared by all versions. */
export const BriefingViewSchema = BriefingInputSchema.extend({
  id: z.string().uuid().describe('Briefing version id'),
  familyId: z.string().uuid().describe('Shared by every version of this briefing'),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type BriefingView = z.infer<typeof BriefingViewSchema>;

/** A held meeting whose agenda carried the briefing version. */
export const BriefingDeliverySchema = z.object({
  meetingId: z.string().uuid(),
  districtCode: GeoCodeSchema,
  communityIds: z.array(z.string().uuid()),
  startsAt: z.string().describe('When the meeting started'),
  status: z.string().describe('Meeting status (held or closed)'),
});
export type BriefingDelivery = z.infer<typeof BriefingDeliverySchema>;

export const AttachBriefingInputSchema = z.object({ briefingId: z.string().uuid().describe('Briefing version presented under this item') }).strict();
