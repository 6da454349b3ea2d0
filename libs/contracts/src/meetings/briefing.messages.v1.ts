import { z } from 'zod';
import { defineRequest } from '../message';
import { MeetingAgendaViewSchema } from './agenda.dto';
import { BriefingDeliverySchema, BriefingInputSchema, BriefingViewSchema } from './briefing.dto';

export const ListBriefingsQryV1 = defineRequest({
  name: 'meetings.qry.briefing.list.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Legal briefings, every version, newest first.',
  schema: z.object({}).strict(),
  reply: z.object({ items: z.array(BriefingViewSchema), total: z.number().int() }),
});

export const GetBriefingQryV1 = defineRequest({
  name: 'meetings.qry.briefing.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'One briefing version; NOT_FOUND when unknown.',
  schema: z.object({ id: z.string().uuid().describe('Briefing version id') }).strict(),
  reply: BriefingViewSchema,
});

export const CreateBriefingCmdV1 = defineRequest({
  name: 'meetings.cmd.briefing.create.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'A new briefing (version 1), or with `previousId` the next version of that briefing.',
  schema: z.object({ briefing: BriefingInputSchema, previousId: z.string().uuid().optional().describe('A version of the briefing to supersede') }).strict(),
  reply: BriefingViewSchema,
});

export const ListBriefingDeliveriesQryV1 = defineRequest({
  name: 'meetings.qry.briefing.deliveries.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Held meetings in the actor scope whose agenda carried this briefing version.',
  schema: z.object({ id: z.string().uuid().describe('Briefing version id') }).strict(),
  reply: z.object({ items: z.array(BriefingDeliverySchema), total: z.number().int() }),
});

export const AttachBriefingCmdV1 = defineRequest({
  name: 'meetings.cmd.agenda.attach-briefing.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Reference a briefing version from a "legal information" agenda item of a meeting being prepared.',
  schema: z.object({ meetingId: z.string().uuid(), itemId: z.string().uuid(), briefingId: z.string().uuid() }).strict(),
  reply: MeetingAgendaViewSchema,
});
