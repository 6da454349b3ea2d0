import { z } from 'zod';
import { listQuerySchema, listReplySchema } from '../common/list';
import { SensitivitySchema } from '../common/sensitivity';
import { defineRequest } from '../message';
import {
  ConcernReplySchema,
  ConcernTopicSchema,
  ConcernViewSchema,
  HiddenConcernCountsSchema,
  RecordConcernInputSchema,
  RequestOriginSchema,
  UpdateConcernInputSchema,
} from './concern.dto';

const Id = z.string().uuid().describe('Concern id');
const MeetingId = z.string().uuid().describe('Meeting id');

export const RecordConcernCmdV1 = defineRequest({
  name: 'meetings.cmd.concern.record.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Record a concern raised at a meeting in scope. A confidential concern names its handlers.',
  schema: z.object({ meetingId: MeetingId, concern: RecordConcernInputSchema }).strict(),
  reply: ConcernReplySchema,
});

export const ListConcernsQryV1 = defineRequest({
  name: 'meetings.qry.concern.list.v1',
  kind: 'qry',
  owner: 'meetings',
  description:
    'The concerns of a meeting the actor may read (canReadConcern); the others are only counted per sensitivity. ' +
    'Each confidential concern returned is audited.',
  schema: listQuerySchema(['createdAt', 'topic', 'sensitivity'] as const).extend({
    meetingId: MeetingId,
    topic: ConcernTopicSchema.optional().describe('Only this topic'),
    sensitivity: SensitivitySchema.optional().describe('Only this sensitivity'),
    origin: RequestOriginSchema.optional(),
  }),
  reply: listReplySchema(ConcernViewSchema).extend({ hidden: HiddenConcernCountsSchema }),
});

export const GetConcernQryV1 = defineRequest({
  name: 'meetings.qry.concern.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'One concern; NOT_FOUND when unknown or not readable by the actor. A confidential read is audited.',
  schema: z.object({ id: Id, origin: RequestOriginSchema.optional() }).strict(),
  reply: ConcernViewSchema,
});

export const UpdateConcernCmdV1 = defineRequest({
  name: 'meetings.cmd.concern.update.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Change a concern the actor may read. Sensitivity goes up freely, down only by a handler or the coordinator ' +
    '(FORBIDDEN otherwise; audited when done).',
  schema: z.object({ id: Id, patch: UpdateConcernInputSchema }).strict(),
  reply: ConcernReplySchema,
});
