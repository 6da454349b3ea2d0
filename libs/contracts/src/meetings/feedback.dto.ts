import { z } from 'zod';
import { RAISER_AGE_GROUPS, RAISER_GENDERS } from './concern.dto';

/** Who put an answer in: the resident on their own phone (public survey), the kiosk (the organiser's phone handed round), or staff from paper. */
export const FEEDBACK_SOURCES = ['resident', 'kiosk', 'staff'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
/** Sources where the resident answered without staff writing it down. */
export const SELF_REPORTED_SOURCES = ['resident', 'kiosk'] as const satisfies readonly FeedbackSource[];
/** Above this share of staff-entered answers, reports warn that staff-entered answers dominate. */
export const STAFF_DOMINANCE_SHARE = 0.5;

const score = z.number().int('must be a whole number').min(1, 'must be 1–5').max(5, 'must be 1–5');

/** One anonymous survey response. No names, no contact; gender and age group are optional. */
export const FeedbackResponseInputSchema = z
  .object({
    usefulness: score.describe('Was the meeting useful (1–5)'),
    trustInPolice: score.describe('Trust in the police (1–5)'),
    wouldContactPoliceFirst: z.boolean().describe('"In a conflict I would contact the police first"'),
    comment: z.string().trim().max(2000).optional().describe('Optional free comment (never in events, never to regional reviewers)'),
    gender: z.enum(RAISER_GENDERS).optional().describe('Optional gender of the respondent'),
    ageGroup: z.enum(RAISER_AGE_GROUPS).optional().describe('Optional age group of the respondent'),
    source: z
      .enum(['staff', 'kiosk'])
      .optional()
      .describe('Who entered it: staff from paper (default) or the kiosk (a resident on the organiser\'s phone); residents\' own answers come through the public survey'),
  })
  .strict();
export type FeedbackResponseInput = z.infer<typeof FeedbackResponseInputSchema>;

export const FeedbackBatchInputSchema = z.array(FeedbackResponseInputSchema).min(1, 'at least one response').max(1000).describe('Responses entered in bulk from paper, or one');

/** Smaller groups than this are suppressed in aggregates for audiences other than the organisers. */
export const FEEDBACK_MIN_CELL = 5;

export const FeedbackCellSchema = z
  .object({
    n: z.number().int().describe('Respondents'),
    suppressed: z.boolean().describe('True when the group is too small to show (fewer than 5 respondents)'),
    usefulnessAverage: z.number().nullable().describe('Average usefulness; null when suppressed or empty'),
    trustAverage: z.number().nullable().describe('Average trust in police; null when suppressed or empty'),
    contactPoliceFirstShare: z.number().nullable().describe('Share (0–1) answering yes; null when suppressed or empty'),
  })
  .strict();
export type FeedbackCell = z.infer<typeof FeedbackCellSchema>;

export const FeedbackSummarySchema = z
  .object({
    meetingId: z.string().uuid().describe('Meeting'),
    overall: FeedbackCellSchema,
    byGender: z.record(z.string(), FeedbackCellSchema).describe('Per stated gender (unstated under "unspecified")'),
    byAgeGroup: z.record(z.string(), FeedbackCellSchema).describe('Per stated age group (unstated under "unspecified")'),
    bySource: z.record(z.enum(FEEDBACK_SOURCES), FeedbackCellSchema).describe('Per source: resident (self-service), kiosk, staff (from paper)'),
    selfReportedShare: z.number().nullable().describe('Share (0–1) of answers given by residents themselves (resident + kiosk); null without answers'),
    staffDominates: z.boolean().describe('True when more than half of the answers were entered by staff'),
    comments: z.array(z.string()).describe('Comments, for in-scope district roles only'),
  })
  .strict();
export type FeedbackSummary = z.infer<typeof FeedbackSummarySchema>;
