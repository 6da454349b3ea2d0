import { z } from 'zod';
import { defineRequest } from '../message';
import { FeedbackBatchInputSchema, FeedbackSummarySchema } from './feedback.dto';

const MeetingId = z.string().uuid().describe('Meeting id');

export const RecordFeedbackCmdV1 = defineRequest({
  name: 'meetings.cmd.feedback.record.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Add anonymous survey responses to a held or closed meeting in scope.',
  schema: z.object({ meetingId: MeetingId, responses: FeedbackBatchInputSchema }).strict(),
  reply: z.object({ meetingId: MeetingId, added: z.number().int().describe('Responses added'), total: z.number().int().describe('Responses now') }).strict(),
});

export const GetFeedbackSummaryQryV1 = defineRequest({
  name: 'meetings.qry.feedback.summary.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Aggregate of the survey of a meeting in scope; small groups are suppressed for non-organisers.',
  schema: z.object({ meetingId: MeetingId }).strict(),
  reply: FeedbackSummarySchema,
});
