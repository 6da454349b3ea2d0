import { z } from 'zod';

/** The handbook's agenda item kinds, in the handbook's order. */
export const AGENDA_ITEM_KINDS = [
  'security-briefing',
  'police-work-results',
  'new-staff-introduction',
  'legal-information',
  'questions-and-answers',
  'next-steps',
] as const;
export const AgendaItemKindSchema = z.enum(AGENDA_ITEM_KINDS).describe('What an agenda item is about');
export type AgendaItemKind = z.infer<typeof AgendaItemKindSchema>;

/** The handbook's "how to" for an agenda item or a checklist step, shown to planners while they prepare. */
export const GuidanceSchema = z.string().trim().min(1).max(2000).describe("The handbook's guidance: how to prepare and run it");

export const TemplateAgendaItemSchema = z
  .object({
    kind: AgendaItemKindSchema,
    title: z.string().trim().min(1).max(200).describe('Heading shown on the agenda'),
    guidance: GuidanceSchema.optional(),
  })
  .strict();
export type TemplateAgendaItem = z.infer<typeof TemplateAgendaItemSchema>;

/** A preparation step due `offsetDays` from the meeting's start (negative: before it). */
export const TemplateChecklistItemSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/).describe('Stable key of the step, kebab-case'),
    title: z.string().trim().min(1).max(200).describe('What is to be done'),
    offsetDays: z.number().int().min(-365).max(365).describe('Days from the meeting start it is due (−14 = two weeks before)'),
    guidance: GuidanceSchema.optional(),
  })
  .strict();
export type TemplateChecklistItem = z.infer<typeof TemplateChecklistItemSchema>;

/** One version of a handbook template. Versions are immutable; a change is a new version. */
export const TemplateViewSchema = z.object({
  id: z.string().uuid().describe('Template version id'),
  key: z.string().describe('Template family, shared by all its versions'),
  version: z.number().int().positive().describe('Version within the family'),
  name: z.string().describe('Name shown to planners'),
  agenda: z.array(TemplateAgendaItemSchema).describe('Agenda items, in order'),
  checklist: z.array(TemplateChecklistItemSchema).describe('Preparation checklist'),
  createdAt: z.string(),
});
export type TemplateView = z.infer<typeof TemplateViewSchema>;

/** Body of POST /templates/{id}/versions: the whole content of the next version of that template's family. */
export const TemplateVersionInputSchema = z
  .object({
    name: z.string().trim().min(3).max(200).optional().describe('Name shown to planners (default: the previous version’s)'),
    agenda: z.array(TemplateAgendaItemSchema).min(1).max(30).describe('Agenda items, in order'),
    checklist: z
      .array(TemplateChecklistItemSchema)
      .max(50)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'checklist keys must not repeat')
      .describe('Preparation checklist'),
  })
  .strict();
export type TemplateVersionInput = z.infer<typeof TemplateVersionInputSchema>;
