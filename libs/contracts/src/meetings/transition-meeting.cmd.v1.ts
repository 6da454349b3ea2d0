import { z } from 'zod';
import { defineRequest } from '../message';
import { MeetingViewSchema, TransitionMeetingInputSchema } from './meeting.dto';

export const TransitionMeetingCmdV1 = defineRequest({
  name: 'meetings.cmd.meeting.transition.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Move a meeting through draft → scheduled → held → closed, postponed (newStartsAt and reason) or cancelled (reason). ' +
    'INVALID_TRANSITION with the reason when not allowed; FORBIDDEN outside the actor scope.',
  schema: z.object({ id: z.string().uuid().describe('Meeting id') }).merge(TransitionMeetingInputSchema).strict(),
  reply: MeetingViewSchema,
});
