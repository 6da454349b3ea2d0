import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SensitivitySchema } from '../common/sensitivity';
import { AttendanceCountsSchema } from './attendance.dto';
import { ConcernTopicSchema } from './concern.dto';
import { OrganisedBySchema, QuarterSchema } from './meeting.dto';

// Reporting days recorded afterwards: the programme's history before the software (docs/adr/0035-programme-history.md).

/** The earliest day a reporting day may be recorded for. */
export const PAST_REPORTING_DAY_EARLIEST = '2000-01-01';
/** Most concerns one reporting day may count (one concern row and event each). */
export const PAST_REPORTING_DAY_MAX_CONCERNS = 500;
/** Most respondents one reporting day's feedback may count (one response row each). */
export const PAST_REPORTING_DAY_MAX_RESPONDENTS = 2000;

const count = (max: number) => z.number().int('must be a whole number').min(0, 'must be 0 or more').max(max, `must be at most ${max}`);

export const PastConcernCountSchema = z
  .object({
    topic: ConcernTopicSchema,
    sensitivity: SensitivitySchema,
    count: count(PAST_REPORTING_DAY_MAX_CONCERNS).min(1, 'must be at least 1').describe('Concerns of this topic and sensitivity raised that day'),
  })
  .strict();
export type PastConcernCount = z.infer<typeof PastConcernCountSchema>;

const scoreCounts = z
  .array(count(PAST_REPORTING_DAY_MAX_RESPONDENTS))
  .length(5, 'give five counts, for the scores 1 to 5');

/** The survey as counts of answers (index 0 = score 1); each question adds up to the same respondents. */
export const PastFeedbackCountsSchema = z
  .object({
    usefulness: scoreCounts.describe('Respondents per usefulness score 1–5 (index 0 = 1)'),
    trust: scoreCounts.describe('Respondents per trust-in-police score 1–5 (index 0 = 1)'),
    contactPoliceFirst: z
      .object({ yes: count(PAST_REPORTING_DAY_MAX_RESPONDENTS), no: count(PAST_REPORTING_DAY_MAX_RESPONDENTS) })
      .strict()
      .describe('"In a conflict I would contact the police first": yes and no'),
  })
  .strict();
export type PastFeedbackCounts = z.infer<typeof PastFeedbackCountsSchema>;

/** What a reporting day recorded afterwards says, apart from which community it was for. */
export const PastReportingDayFactsSchema = z
  .object({
    heldOn: z.iso
      .date('must be a date like "2024-05-14"')
      .refine((day) => day >= PAST_REPORTING_DAY_EARLIEST, `must be ${PAST_REPORTING_DAY_EARLIEST} or later`)
      .describe('Day it was held (YYYY-MM-DD, district); not after today, not before 2000-01-01'),
    organisedBy: OrganisedBySchema,
    facilitatingOrganisationId: z.string().uuid().optional().describe('Facilitating NGO, when known'),
    venueName: z.string().trim().min(1).max(200).optional().describe('Where it was held, when known'),
    attendance: z.object({ counts: AttendanceCountsSchema.describe('Attendees by gender × age group') }).strict(),
    concerns: z.array(PastConcernCountSchema).max(36).default([]).describe('Concerns raised, counted by topic and sensitivity (no text)'),
    feedback: PastFeedbackCountsSchema.optional().describe('Survey answers, counted'),
  })
  .strict();

export const PastReportingDayInputSchema = PastReportingDayFactsSchema.extend({
  communityId: z.string().uuid().describe('Community the reporting day was held for'),
}).strict();
export type PastReportingDayInput = z.infer<typeof PastReportingDayInputSchema>;
export type PastReportingDayInputRaw = z.input<typeof PastReportingDayInputSchema>;

export const PastReportingDayViewSchema = z.object({
  meetingId: z.string().uuid().describe('The closed meeting that records it'),
  communityId: z.string().uuid(),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  heldOn: z.string().describe('Day it was held (YYYY-MM-DD, district)'),
  quarter: QuarterSchema,
  organisedBy: OrganisedBySchema,
  attendees: z.number().int(),
  concerns: z.number().int(),
  respondents: z.number().int(),
  recordedBy: z.string().describe('Who recorded it (user id)'),
  recordedAt: z.string().describe('When it was recorded (ISO 8601)'),
});
export type PastReportingDayView = z.infer<typeof PastReportingDayViewSchema>;

// ---- import -------------------------------------------------------------------------------------------------

/** One row of an import: a community by id, or by name in a district, and the day's facts. */
export const PastReportingDayImportRowSchema = PastReportingDayFactsSchema.extend({
  communityId: z.string().uuid().optional().describe('Community id'),
  communityName: z.string().trim().min(1).max(200).optional().describe('Community name (with districtCode), when no id is given'),
  districtCode: GeoCodeSchema.optional().describe('District of the named community'),
})
  .strict()
  .refine((r) => r.communityId !== undefined || (r.communityName !== undefined && r.districtCode !== undefined), {
    message: 'give communityId, or communityName and districtCode',
    path: ['communityId'],
  });
export type PastReportingDayImportRow = z.infer<typeof PastReportingDayImportRowSchema>;

export const NumberedPastReportingDayRowSchema = z
  .object({
    row: z.number().int().min(1).describe('Row number in the file (the header is row 1)'),
    data: PastReportingDayImportRowSchema,
  })
  .strict();
export type NumberedPastReportingDayRow = z.infer<typeof NumberedPastReportingDayRowSchema>;

export const ImportedPastReportingDaySchema = z.object({
  row: z.number().int().min(1),
  meetingId: z.string().uuid(),
  communityId: z.string().uuid(),
  heldOn: z.string(),
});

export const PastReportingDayImportResultSchema = z.object({
  rows: z.number().int().min(0).describe('Data rows in the file'),
  created: z.array(ImportedPastReportingDaySchema).describe('Reporting days recorded, one per row, in file order'),
});
export type PastReportingDayImportResult = z.infer<typeof PastReportingDayImportResultSchema>;
