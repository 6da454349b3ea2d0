import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import { ActionStatusSchema, ActionViewSchema, AssignActionInputSchema, TransitionActionInputSchema } from './action.dto';

export const AssignActionCmdV1 = defineRequest({
  name: 'meetings.cmd.action.assign.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Add a follow-up action to a concern the actor may read (NOT_FOUND otherwise).',
  schema: z.object({ concernId: z.string().uuid().describe('Concern id'), action: AssignActionInputSchema }).strict(),
  reply: ActionViewSchema,
});

export const ListActionsQryV1 = defineRequest({
  name: 'meetings.qry.action.list.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Follow-up actions of concerns the actor may read; filters only narrow it.',
  schema: listQuerySchema(['dueDate', 'createdAt', 'status'] as const).extend({
    status: ActionStatusSchema.optional().describe('Only this status'),
    overdue: z.boolean().optional().describe('Only overdue (true) or not overdue (false) actions'),
    ownerOrganisationId: z.string().uuid().optional().describe('Only actions this organisation owns'),
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    concernId: z.string().uuid().optional().describe('Only actions of this concern'),
    communityId: z.string().uuid().optional().describe('Only actions of concerns raised at meetings for this community (additive, issue 15)'),
    mine: z
      .boolean()
      .optional()
      .describe('Only my actions (true): owned by the contact linked to my login, or by my organisation with no named owner (ADR 34)'),
  }),
  reply: listReplySchema(ActionViewSchema),
});

export const TransitionActionCmdV1 = defineRequest({
  name: 'meetings.cmd.action.transition.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Move an action on (INVALID_TRANSITION names the allowed ones).',
  schema: z.object({ id: z.string().uuid().describe('Action id'), transition: TransitionActionInputSchema }).strict(),
  reply: ActionViewSchema,
});
