import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SensitivitySchema } from '../common/sensitivity';
import { ConcernTopicSchema } from './concern.dto';

/** `open → in-progress → done`, or `referred` to another agency, or `dropped` with a reason. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'referred', 'dropped'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES).describe('Where a follow-up action stands');
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

const DateSchema = z.iso.date().describe('A calendar date, YYYY-MM-DD');
const NoteSchema = z.string().trim().min(1).max(2000);

export const AssignActionInputSchema = z
  .object({
    ownerOrganisationId: z.string().uuid().describe('Organisation that owns the action'),
    ownerContactId: z.string().uuid().nullable().default(null).describe('Contact at that organisation, if any'),
    dueDate: DateSchema.describe('When it is due'),
    description: z.string().trim().max(2000).nullable().default(null).describe('What is to be done'),
  })
  .strict();
export type AssignActionInput = z.input<typeof AssignActionInputSchema>;

/** A status change: done needs a note, referred the agency, dropped a reason. */
export const TransitionActionInputSchema = z
  .object({
    to: ActionStatusSchema.exclude(['open']).describe('Next status'),
    note: NoteSchema.optional().describe('What was done (required for done)'),
    referredTo: z.string().trim().min(1).max(200).optional().describe('Agency it was referred to (required for referred)'),
    reason: NoteSchema.optional().describe('Why it was dropped (required for dropped)'),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.to === 'done' && !input.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Completing an action needs a note' });
    if (input.to === 'referred' && !input.referredTo) ctx.addIssue({ code: 'custom', path: ['referredTo'], message: 'Name the agency it is referred to' });
    if (input.to === 'dropped' && !input.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give the reason for dropping it' });
  });
export type TransitionActionInput = z.infer<typeof TransitionActionInputSchema>;

/** An action as readers of its concern see it; it never carries the concern's text. */
export const ActionViewSchema = z.object({
  id: z.string().uuid().describe('Action id'),
  concernId: z.string().uuid().describe('Concern it follows up'),
  meetingId: z.string().uuid().describe('Meeting the concern was raised at'),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  concernTopic: ConcernTopicSchema,
  concernSensitivity: SensitivitySchema,
  ownerOrganisationId: z.string().uuid(),
  ownerContactId: z.string().uuid().nullable(),
  description: z.string().nullable(),
  dueDate: DateSchema,
  status: ActionStatusSchema,
  overdue: z.boolean().describe("Open or in progress and its due date is before today on the district's calendar (the meeting's time zone)"),
  allowedTransitions: z.array(ActionStatusSchema).describe('Statuses it may move to next'),
  note: z.string().nullable().describe('Completion note'),
  referredTo: z.string().nullable().describe('Agency it was referred to'),
  reason: z.string().nullable().describe('Why it was dropped'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionView = z.infer<typeof ActionViewSchema>;
