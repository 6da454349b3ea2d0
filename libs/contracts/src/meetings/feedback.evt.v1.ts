import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';

export const FeedbackRecordedEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.feedback-recorded.v1',
  owner: 'meetings',
  description: 'Survey responses were added to a meeting. Counts and averages over all its responses; never comments.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting'),
      districtCode: GeoCodeSchema.describe('District of the meeting'),
      regionCode: GeoCodeSchema.describe('Region of the meeting'),
      added: z.number().int().describe('Responses added now'),
      respondents: z.number().int().describe('Responses in total'),
      usefulnessAverage: z.number().describe('Average usefulness (1–5)'),
      trustAverage: z.number().describe('Average trust in police (1–5)'),
      contactPoliceFirstShare: z.number().describe('Share (0–1) who would contact the police first'),
      occurredAt: z.string().datetime().describe('When they were added (UTC)'),
    })
    .strict(),
});
