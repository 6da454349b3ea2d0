import { z } from 'zod';
import { defineRequest } from '../message';
import { MeetingAgendaViewSchema } from './agenda.dto';

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
