import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { AttendanceCountsSchema } from './attendance.dto';

export const AttendanceRecordedEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.attendance-recorded.v1',
  owner: 'meetings',
  description: 'The attendance of a meeting was recorded or corrected. Counts only; never names or contact ids.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting'),
      districtCode: GeoCodeSchema.describe('District of the meeting'),
      regionCode: GeoCodeSchema.describe('Region of the meeting'),
      counts: AttendanceCountsSchema,
      total: z.number().int().describe('All attendees'),
      communityCount: z.number().int().describe('Communities with attendees counted separately (regional meetings)'),
      organisationsPresent: z.number().int().describe('Organisations with officials present'),
      officialsPresent: z.number().int().describe('Officials present'),
      staffIntroduced: z.number().int().describe('New staff introduced'),
      occurredAt: z.string().datetime().describe('When it was recorded (UTC)'),
    })
    .strict(),
});
