import { z } from 'zod';
import { defineRequest } from '../message';
import { MinutesVersionViewSchema, MinutesViewSchema, SaveMinutesInputSchema } from './minutes.dto';

const MeetingId = z.string().uuid().describe('Meeting id');

export const GetMinutesQryV1 = defineRequest({
  name: 'meetings.qry.minutes.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'The minutes of a meeting in scope (status none when nothing was drafted), with the generated concern section.',
  schema: z.object({ meetingId: MeetingId }).strict(),
  reply: MinutesViewSchema,
});

export const SaveMinutesCmdV1 = defineRequest({
  name: 'meetings.cmd.minutes.save.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Save a new draft version of the minutes of a held meeting. Refused once approved (locked) and when the body ' +
    'contains the text of a confidential concern of the meeting.',
  schema: z.object({ meetingId: MeetingId, input: SaveMinutesInputSchema }).strict(),
  reply: MinutesViewSchema,
});

export const ListMinutesVersionsQryV1 = defineRequest({
  name: 'meetings.qry.minutes.versions.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Every draft version of the minutes of a meeting in scope, newest first.',
  schema: z.object({ meetingId: MeetingId }).strict(),
  reply: z.object({ items: z.array(MinutesVersionViewSchema), total: z.number().int().min(0) }).strict(),
});

export const ApproveMinutesCmdV1 = defineRequest({
  name: 'meetings.cmd.minutes.approve.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Approve and lock the current draft; emits minutes.approved for distribution.',
  schema: z.object({ meetingId: MeetingId, expectedVersion: z.number().int().min(1).optional() }).strict(),
  reply: MinutesViewSchema,
});
