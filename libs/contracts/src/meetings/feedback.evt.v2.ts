import { z } from 'zod';
import { defineEvent } from '../message';
import { FEEDBACK_SOURCES } from './feedback.dto';
import { FeedbackRecordedEvtV1 } from './feedback.evt.v1';

const SourceTotalsSchema = z
  .object({
    respondents: z.number().int().describe('Responses from this source in total'),
    usefulnessAverage: z.number().describe('Average usefulness (1–5); 0 without responses'),
    trustAverage: z.number().describe('Average trust in police (1–5); 0 without responses'),
    contactPoliceFirstShare: z.number().describe('Share (0–1) who would contact the police first; 0 without responses'),
  })
  .strict();

/**
 * v2 (ADR 46): v1's totals plus the same totals per source (resident, kiosk, staff), so reports can show trust by
 * source and the share self-reported. v1 stays consumable: its answers all came from staff.
 */
export const FeedbackRecordedEvtV2 = defineEvent({
  name: 'meetings.evt.meeting.feedback-recorded.v2',
  owner: 'meetings',
  description: 'Survey responses were added to a meeting. Counts and averages over all its responses, overall and per source; never comments.',
  schema: FeedbackRecordedEvtV1.schema
    .extend({ bySource: z.record(z.enum(FEEDBACK_SOURCES), SourceTotalsSchema).describe('The same totals per source') })
    .strict(),
});
