import { z } from 'zod';
import { defineRequest } from '../message';
import { MeetingViewSchema } from './meeting.dto';

export const GetMeetingQryV1 = defineRequest({
  name: 'meetings.qry.meeting.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'One meeting; NOT_FOUND when unknown or outside the actor scope.',
  schema: z.object({ id: z.string().uuid().describe('Meeting id') }).strict(),
  reply: MeetingViewSchema,
});
