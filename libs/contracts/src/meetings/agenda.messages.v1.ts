import { z } from 'zod';
import { defineRequest } from '../message';
import { AddAgendaItemInputSchema, MeetingAgendaViewSchema, MoveAgendaItemInputSchema } from './agenda.dto';

export const GetAgendaQryV1 = defineRequest({
  name: 'meetings.qry.agenda.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: "A meeting's agenda and checklist; NOT_FOUND when the meeting is unknown or outside the actor scope.",
  schema: z.object({ meetingId: z.string().uuid().describe('Meeting id') }).strict(),
  reply: MeetingAgendaViewSchema,
});

export const ApplyTemplateCmdV1 = defineRequest({
  name: 'meetings.cmd.agenda.apply-template.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Copy a template version onto a draft or scheduled meeting, replacing its agenda and checklist.',
  schema: z.object({ meetingId: z.string().uuid().describe('Meeting id'), templateId: z.string().uuid().describe('Template version id') }).strict(),
  reply: MeetingAgendaViewSchema,
});

export const TickChecklistItemCmdV1 = defineRequest({
  name: 'meetings.cmd.agenda.tick-checklist-item.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Mark a checklist item of a meeting done (idempotent).',
  schema: z.object({ meetingId: z.string().uuid().describe('Meeting id'), itemId: z.string().uuid().describe('Checklist item id') }).strict(),
  reply: MeetingAgendaViewSchema,
});

const item = { meetingId: z.string().uuid().describe('Meeting id'), itemId: z.string().uuid().describe('Agenda item id') };
const NOT_BEFORE_HELD = 'INVALID_TRANSITION (meeting.not-editable) once the meeting is held, closed or cancelled; NOT_FOUND outside the actor scope.';

export const AddAgendaItemCmdV1 = defineRequest({
  name: 'meetings.cmd.agenda.add-item.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: `Add an item to the agenda of a draft, scheduled or postponed meeting, at a position (default: the end). ${NOT_BEFORE_HELD}`,
  schema: z.object({ meetingId: item.meetingId, item: AddAgendaItemInputSchema }).strict(),
  reply: MeetingAgendaViewSchema,
});

export const RemoveAgendaItemCmdV1 = defineRequest({
  name: 'meetings.cmd.agenda.remove-item.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: `Remove an item (and the briefing it presents) from a meeting's agenda; the others close up. ${NOT_BEFORE_HELD}`,
  schema: z.object(item).strict(),
  reply: MeetingAgendaViewSchema,
});

export const MoveAgendaItemCmdV1 = defineRequest({
  name: 'meetings.cmd.agenda.move-item.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: `Move an agenda item to another position (moving it where it is changes nothing). ${NOT_BEFORE_HELD}`,
  schema: z.object({ ...item, position: MoveAgendaItemInputSchema.shape.position }).strict(),
  reply: MeetingAgendaViewSchema,
});
