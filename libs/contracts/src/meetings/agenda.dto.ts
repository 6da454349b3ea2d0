import { z } from 'zod';
import { SensitivitySchema } from '../common/sensitivity';
import { ActionStatusSchema } from './action.dto';
import { ConcernTopicSchema } from './concern.dto';
import { AgendaItemKindSchema, TemplateAgendaItemSchema } from './template.dto';

export const AgendaItemViewSchema = z.object({
  id: z.string().uuid().describe('Agenda item id'),
  position: z.number().int().describe('Order on the agenda, from 1'),
  kind: AgendaItemKindSchema,
  title: z.string().describe('Heading shown on the agenda'),
  briefingId: z.string().uuid().nullable().describe('Legal briefing version presented under a legal-information item'),
  guidance: z.string().optional().describe("The handbook's guidance for an item of this kind, from the template version the agenda was copied from"),
});
export type AgendaItemView = z.infer<typeof AgendaItemViewSchema>;

export const ChecklistItemViewSchema = z.object({
  id: z.string().uuid().describe('Checklist item id'),
  key: z.string().describe('Stable key of the step'),
  title: z.string().describe('What is to be done'),
  offsetDays: z.number().int().describe('Days from the meeting start it is due'),
  dueDate: z.iso.date().describe("Due date on the district's calendar: the meeting's local start date plus offsetDays"),
  done: z.boolean().describe('Ticked'),
  doneAt: z.string().nullable().describe('When it was ticked'),
  doneBy: z.string().nullable().describe('Who ticked it'),
  overdue: z.boolean().describe('Not ticked, not a late start, and its due date is before today in the district'),
  lateStart: z.boolean().optional().describe("Not ticked and its due date fell before the day the meeting was created (in the district): started late, not overdue"),
  guidance: z.string().optional().describe("The handbook's guidance for this step (by its key), from the template version it was copied from"),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemViewSchema>;

/** An open concern of an earlier meeting of the same community, as the reader may see it (never confidential). */
export const CarryOverConcernSchema = z.object({
  concernId: z.string().uuid(),
  meetingId: z.string().uuid().describe('Earlier meeting it was raised at'),
  meetingStartsAt: z.string().describe('When that meeting started'),
  topic: ConcernTopicSchema,
  sensitivity: SensitivitySchema,
  text: z.string().describe('What was raised'),
  answer: z.string().nullable().describe('Answer given at that meeting'),
  openActions: z
    .array(z.object({ id: z.string().uuid(), status: ActionStatusSchema, dueDate: z.iso.date(), description: z.string().nullable() }))
    .describe('Follow-up actions not yet done, referred or dropped'),
});
export type CarryOverConcern = z.infer<typeof CarryOverConcernSchema>;

/** "Progress since last meeting" (you said — we did), computed when the agenda is read. */
export const CarryOverSchema = z.object({
  concerns: z.array(CarryOverConcernSchema).describe('Open concerns the reader may read; confidential ones are only counted'),
  confidentialOpenCount: z.number().int().describe('Open confidential concerns: a count, never their text'),
});
export type CarryOver = z.infer<typeof CarryOverSchema>;

/** An officer assigned since the community's last held meeting: to introduce under "introduction of new staff". */
export const ProposedStaffSchema = z.object({
  assignmentId: z.string().uuid().describe('Roster row id in communities'),
  communityId: z.string().uuid().describe('Community served'),
  officerContactId: z.string().uuid().describe('Officer (contact id)'),
  policeUnitId: z.string().uuid().nullable().describe('Police unit (organisation id)'),
  since: z.iso.date().describe('First day of service'),
});
export type ProposedStaff = z.infer<typeof ProposedStaffSchema>;

/** A meeting's agenda and preparation checklist, copied from a template version. */
export const MeetingAgendaViewSchema = z.object({
  meetingId: z.string().uuid(),
  templateId: z.string().uuid().nullable().describe('Template version it was copied from; null when none was applied'),
  templateVersion: z.number().int().nullable().describe('Version of that template'),
  items: z.array(AgendaItemViewSchema),
  checklist: z.array(ChecklistItemViewSchema),
  carryOver: CarryOverSchema,
  proposedStaff: z.array(ProposedStaffSchema).describe('Officers assigned since the last held meeting of its communities'),
});
export type MeetingAgendaView = z.infer<typeof MeetingAgendaViewSchema>;

export const ApplyTemplateInputSchema = z
  .object({ templateId: z.string().uuid().describe('Template version to copy onto the meeting') })
  .strict();
export type ApplyTemplateInput = z.infer<typeof ApplyTemplateInputSchema>;

/** Most agenda items a meeting may have (as many as a template version may hold). */
export const MAX_AGENDA_ITEMS = 30;

const AgendaPositionSchema = z.number().int().min(1).max(MAX_AGENDA_ITEMS);

/** Body of POST /meetings/{id}/agenda/items: a new item, at `position` (default: at the end). */
export const AddAgendaItemInputSchema = z
  .object({
    kind: TemplateAgendaItemSchema.shape.kind,
    title: TemplateAgendaItemSchema.shape.title,
    position: AgendaPositionSchema.optional().describe('Where it goes, from 1 (default: after the last item); at most one past the last'),
  })
  .strict();
export type AddAgendaItemInput = z.infer<typeof AddAgendaItemInputSchema>;

/** Body of POST /meetings/{id}/agenda/items/{itemId}/move: the item's new place; the others close up around it. */
export const MoveAgendaItemInputSchema = z
  .object({ position: AgendaPositionSchema.describe('New place, from 1; at most the number of items') })
  .strict();
export type MoveAgendaItemInput = z.infer<typeof MoveAgendaItemInputSchema>;
