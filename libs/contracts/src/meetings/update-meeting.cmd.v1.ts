import { z } from 'zod';
import { defineRequest } from '../message';
import { MeetingViewSchema, UpdateMeetingInputSchema } from './meeting.dto';

export const UpdateMeetingCmdV1 = defineRequest({
  name: 'meetings.cmd.meeting.update.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Change a draft, scheduled or postponed meeting (a change of plan details of an announced one emits meeting.updated). ' +
    'INVALID_TRANSITION once held, closed or cancelled, or when moving the date of a scheduled or postponed meeting ' +
    '(postpone it instead); FORBIDDEN outside the actor scope.',
  schema: z.object({ id: z.string().uuid().describe('Meeting id'), patch: UpdateMeetingInputSchema }).strict(),
  reply: MeetingViewSchema,
});
