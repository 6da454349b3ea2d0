import { z } from 'zod';
import { defineRequest } from '../message';
import { AttendanceInputSchema, AttendanceViewSchema } from './attendance.dto';

const MeetingId = z.string().uuid().describe('Meeting id');

export const RecordAttendanceCmdV1 = defineRequest({
  name: 'meetings.cmd.attendance.record.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Record (or replace) the attendance of a held meeting in scope. Counts only; no names.',
  schema: z.object({ meetingId: MeetingId, attendance: AttendanceInputSchema }).strict(),
  reply: AttendanceViewSchema,
});

export const GetAttendanceQryV1 = defineRequest({
  name: 'meetings.qry.attendance.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'The attendance of a meeting in scope; NOT_FOUND when unknown, out of scope or not recorded yet.',
  schema: z.object({ meetingId: MeetingId }).strict(),
  reply: AttendanceViewSchema,
});
