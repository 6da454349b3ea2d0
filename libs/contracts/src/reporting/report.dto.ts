import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SENSITIVITIES } from '../common/sensitivity';
import { CommunityStatusSchema } from '../communities/community.dto';
import { CONCERN_TOPICS } from '../meetings/concern.dto';
import { FEEDBACK_SOURCES } from '../meetings/feedback.dto';
import { QuarterSchema } from '../meetings/meeting.dto';
import { quarterIndex } from '../time/quarters';

/**
 * Reporting contracts: summaries by level and period, time series per quarter and the communities
 * without a reporting day. docs/adr/0016-reporting-read-models.md says how the numbers are computed.
 */

export const REPORT_LEVELS = ['country', 'region', 'district', 'community'] as const;
export const ReportLevelSchema = z
  .enum(REPORT_LEVELS)
  .describe('country: the whole deployment; region and district: a geography code; community: a community id (drill-down only)');
export type ReportLevel = z.infer<typeof ReportLevelSchema>;

/** The level one below, shown side by side in a summary (`community` has none). */
export const CHILD_LEVEL: Readonly<Record<ReportLevel, ReportLevel | null>> = {
  country: 'region',
  region: 'district',
  district: 'community',
  community: null,
};

/** Most quarters one summary or time series may span (ten years and a bit). */
export const MAX_REPORT_QUARTERS = 48;
/** Default small-group suppression threshold: cells built from fewer than this many people are suppressed. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

// ---- requests -------------------------------------------------------------------------------------------

const CodeSchema = z
  .union([GeoCodeSchema, z.string().uuid()])
  .describe('Region or district code, or community id; omitted for country');

/** Which unit and which quarters a report is about. */
export const ReportScopeInputSchema = z
  .object({
    level: ReportLevelSchema,
    code: CodeSchema.optional(),
    from: QuarterSchema.describe('First quarter of the period (inclusive)'),
    to: QuarterSchema.optional().describe('Last quarter of the period (inclusive); defaults to `from`'),
    suppress: z
      .boolean()
      .default(false)
      .describe('Force small-group suppression on (exports). It is always on for country and region views and for callers without report:drill-down'),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.level === 'country' && input.code !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'country takes no code' });
    }
    if (input.level !== 'country' && input.code === undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `a ${input.level} report needs a code` });
    }
    if (input.level === 'community' && input.code !== undefined && !z.string().uuid().safeParse(input.code).success) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'must be a community id' });
    }
    if ((input.level === 'region' || input.level === 'district') && input.code !== undefined && !GeoCodeSchema.safeParse(input.code).success) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'must be a lowercase code like "isfara"' });
    }
    const to = input.to ?? input.from;
    if (/^\d{4}-Q[1-4]$/.test(input.from) && /^\d{4}-Q[1-4]$/.test(to)) {
      const span = quarterIndex(to) - quarterIndex(input.from) + 1;
      if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      if (span > MAX_REPORT_QUARTERS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_REPORT_QUARTERS} quarters` });
    }
  });
export type ReportScopeInput = z.input<typeof ReportScopeInputSchema>;
export type ReportScope = z.output<typeof ReportScopeInputSchema>;

/**
 * The same, as HTTP query parameters (strings): `?level=district&code=isfara&from=2026-Q1&to=2026-Q4&suppress=true`.
 */
export const ReportScopeQuerySchema = z
  .object({
    level: ReportLevelSchema,
    code: z.string().optional(),
    from: QuarterSchema,
    to: QuarterSchema.optional(),
    suppress: z.enum(['true', 'false']).optional().describe('"true" forces small-group suppression on'),
  })
  .strict();

export const MissingReportsInputSchema = z
  .object({
    level: z.enum(['country', 'region', 'district']).describe('Unit whose communities are listed'),
    code: GeoCodeSchema.optional().describe('Region or district code; omitted for country'),
    quarter: QuarterSchema.describe('The quarter, usually the current one'),
    offset: z.number().int().min(0).max(1_000_000).default(0).describe('Rows to skip'),
    limit: z.number().int().min(1).max(500).default(100).describe('Rows to return'),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.level === 'country' && input.code !== undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'country takes no code' });
    if (input.level !== 'country' && input.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: `a ${input.level} list needs a code` });
  });
export type MissingReportsInput = z.input<typeof MissingReportsInputSchema>;

export const MissingReportsQuerySchema = z
  .object({
    level: z.enum(['country', 'region', 'district']),
    code: z.string().optional(),
    quarter: QuarterSchema,
    offset: z.string().regex(/^\d+$/).optional(),
    limit: z.string().regex(/^\d+$/).optional(),
  })
  .strict();

// ---- measures -------------------------------------------------------------------------------------------

/**
 * One breakdown cell. `n` is the number of people (attendees, respondents) or records it is built from.
 * When suppression applies and 0 < n < threshold, `suppressed` is true and `value` and `n` are null.
 */
export const CellSchema = z
  .object({
    value: z.number().nullable().describe('Count, share (0–1) or average; null when suppressed or when there is nothing to compute it from'),
    n: z.number().int().min(0).nullable().describe('People or records the cell is built from; null when suppressed'),
    suppressed: z.boolean().describe('Hidden because fewer than the threshold (small-group suppression)'),
  })
  .strict();
export type Cell = z.infer<typeof CellSchema>;

const cellsOf = <K extends readonly [string, ...string[]]>(keys: K, what: string) =>
  z.object(Object.fromEntries(keys.map((k) => [k, CellSchema])) as { [P in K[number]]: typeof CellSchema }).strict().describe(what);

export const GENDERS = ['women', 'men', 'other'] as const;
export const AGE_GROUPS = ['under18', 'from18to29', 'from30to59', 'from60'] as const;

const share = z.number().min(0).max(1).nullable();

export const ReportingRateSchema = z
  .object({
    expected: z.number().int().min(0).describe('Community-quarters in which a reporting day was due (from active periods)'),
    held: z.number().int().min(0).describe('Of those, with a reporting day held (never more than expected)'),
    heldOnTime: z.number().int().min(0).describe('Of those held, recorded as held before the quarter ended in the district time zone'),
    overdue: z.number().int().min(0).describe('Expected community-quarters already over (in the district time zone) without one held'),
    notScheduled: z.number().int().min(0).describe('Expected community-quarters with no meeting held, scheduled or postponed for them'),
    rate: share.describe('held / expected; null when nothing was expected'),
    onTimeRate: share.describe('heldOnTime / expected'),
    meetingsHeld: z.number().int().min(0).describe('Distinct meetings held (a regional meeting counts once)'),
    meetingsCancelled: z.number().int().min(0).describe('Distinct meetings cancelled'),
  })
  .strict();

export const AttendanceMeasuresSchema = z
  .object({
    meetings: z.number().int().min(0).describe('Held meetings with attendance recorded'),
    total: z.number().int().min(0).describe('Attendees in all'),
    byGender: cellsOf(GENDERS, 'Attendees per gender'),
    byAgeGroup: cellsOf(AGE_GROUPS, 'Attendees per age group'),
    byGenderAndAge: z
      .object({ women: cellsOf(AGE_GROUPS, 'Women per age group'), men: cellsOf(AGE_GROUPS, 'Men per age group'), other: cellsOf(AGE_GROUPS, 'Other per age group') })
      .strict(),
    womenShare: CellSchema.describe('Women / all attendees (n = all attendees)'),
    youthShare: CellSchema.describe('Attendees under 30 (under18 + from18to29) / all attendees'),
    officialsPresent: z.number().int().min(0).describe('Officials present, summed over meetings'),
    averagePerMeeting: z.number().nullable().describe('total / meetings'),
  })
  .strict();

export const ConcernMeasuresSchema = z
  .object({
    total: z.number().int().min(0).describe('Concerns raised at meetings of the period (confidential ones counted, never described)'),
    byTopic: cellsOf(CONCERN_TOPICS, 'Concerns per topic'),
    bySensitivity: cellsOf(SENSITIVITIES, 'Concerns per sensitivity'),
    followUpNeeded: z.number().int().min(0).describe('Concerns needing follow-up'),
    followUpShare: share.describe('followUpNeeded / total'),
    resolved: z.number().int().min(0).describe('Concerns resolved (all their actions done)'),
    medianDaysToResolve: z.number().nullable().describe('Median whole days from recorded to resolved, over resolved concerns'),
    actions: z
      .object({
        total: z.number().int().min(0),
        open: z.number().int().min(0).describe('open or in-progress'),
        done: z.number().int().min(0),
        overdue: z.number().int().min(0).describe('open or in-progress with the due date before today (UTC)'),
        other: z.number().int().min(0).describe('referred or dropped'),
      })
      .strict(),
  })
  .strict();

const TrustAveragesSchema = z
  .object({
    respondents: z.number().int().min(0),
    usefulnessAverage: CellSchema.describe('Average usefulness 1–5 (n = respondents)'),
    trustAverage: CellSchema.describe('Average trust in police 1–5 (n = respondents)'),
    contactPoliceFirstShare: CellSchema.describe('Share who would contact the police first (n = respondents)'),
  })
  .strict();

export const TrustMeasuresSchema = TrustAveragesSchema.extend({
  previous: TrustAveragesSchema.describe('The same for the period of equal length just before'),
  bySource: z
    .record(z.enum(FEEDBACK_SOURCES), TrustAveragesSchema)
    .optional()
    .describe('The same per source: resident (own phone), kiosk, staff (from paper); all suppressed when any source is a small group'),
  selfReportedShare: CellSchema.optional().describe('Share of answers residents gave themselves (resident + kiosk; n = respondents)'),
  staffDominates: z.boolean().optional().describe('More than half of the answers were entered by staff: read the trust measures with care'),
  change: z
    .object({ usefulnessAverage: z.number().nullable(), trustAverage: z.number().nullable(), contactPoliceFirstShare: z.number().nullable() })
    .strict()
    .describe('Now minus previous; null when either side is empty or suppressed'),
}).strict();

export const HandOverMeasuresSchema = z
  .object({
    meetingsHeld: z.number().int().min(0),
    police: z.number().int().min(0).describe('Organised by the police themselves'),
    policeNgoFacilitated: z.number().int().min(0),
    ngo: z.number().int().min(0),
    policeShare: share.describe('police / meetingsHeld'),
  })
  .strict();

export const ReportMeasuresSchema = z
  .object({
    reportingRate: ReportingRateSchema,
    attendance: AttendanceMeasuresSchema,
    concerns: ConcernMeasuresSchema,
    trust: TrustMeasuresSchema,
    handOver: HandOverMeasuresSchema,
  })
  .strict();
export type ReportMeasures = z.infer<typeof ReportMeasuresSchema>;

// ---- replies --------------------------------------------------------------------------------------------

export const ReportUnitSchema = z
  .object({
    level: ReportLevelSchema,
    code: z.string().nullable().describe('Region or district code or community id; null for country'),
    regionCode: GeoCodeSchema.nullable().describe('Region of a district or community (null for country)'),
    districtCode: GeoCodeSchema.nullable().describe('District of a community (the district itself for district)'),
  })
  .strict();
export type ReportUnit = z.infer<typeof ReportUnitSchema>;

export const SuppressionSchema = z
  .object({
    threshold: z.number().int().min(1).describe('Cells built from fewer people than this are suppressed'),
    applied: z.boolean().describe('Whether suppression is applied to this answer'),
  })
  .strict();

export const ReportPeriodSchema = z
  .object({ from: QuarterSchema, to: QuarterSchema, quarters: z.array(QuarterSchema).describe('Every quarter of the period') })
  .strict();

export const ReportSummarySchema = z
  .object({
    unit: ReportUnitSchema,
    period: ReportPeriodSchema,
    suppression: SuppressionSchema,
    measures: ReportMeasuresSchema,
    drillDown: z.boolean().describe('Whether the caller may open communities (and so sees community children)'),
    children: z
      .array(z.object({ unit: ReportUnitSchema, measures: ReportMeasuresSchema }).strict())
      .describe('The units one level down, side by side (regions, districts, or communities with drill-down), sorted by code'),
    asOf: z.string().nullable().describe('Time of the last event applied to the read model (UTC)'),
  })
  .strict();
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportTimeSeriesSchema = z
  .object({
    unit: ReportUnitSchema,
    period: ReportPeriodSchema,
    suppression: SuppressionSchema,
    points: z.array(z.object({ quarter: QuarterSchema, measures: ReportMeasuresSchema }).strict()).describe('One point per quarter, oldest first'),
    asOf: z.string().nullable(),
  })
  .strict();
export type ReportTimeSeries = z.infer<typeof ReportTimeSeriesSchema>;

export const MISSING_REASONS = ['not-scheduled', 'scheduled', 'postponed', 'cancelled'] as const;

export const MissingReportItemSchema = z
  .object({
    communityId: z.string().uuid(),
    districtCode: GeoCodeSchema,
    regionCode: GeoCodeSchema,
    status: CommunityStatusSchema.describe('Community status now'),
    reason: z
      .enum(MISSING_REASONS)
      .describe('not-scheduled: no meeting for the quarter; scheduled/postponed: one is planned but not held yet; cancelled: only cancelled ones'),
    nextMeeting: z
      .object({ meetingId: z.string().uuid(), scheduledFor: z.string().describe('Start (UTC)') })
      .strict()
      .nullable()
      .describe('The earliest scheduled or postponed meeting for the quarter'),
    expected: z
      .boolean()
      .describe(
        'Whether the quarter expects a reporting day of it (counts in its rate): active for at least half of the quarter. ' +
          'false: activated too late in the quarter — not expected this quarter, listed so its first reporting day is not forgotten',
      ),
  })
  .strict();
export type MissingReportItem = z.infer<typeof MissingReportItemSchema>;

export const MissingReportsSchema = z
  .object({
    unit: ReportUnitSchema,
    quarter: QuarterSchema,
    total: z.number().int().min(0).describe('Communities listed: active in the quarter without a held reporting day, expected or not'),
    expectedTotal: z.number().int().min(0).describe('Of them, those the quarter expects a reporting day of (they count in its rate)'),
    items: z.array(MissingReportItemSchema).describe('The page: expected ones first, then by district and community id'),
  })
  .strict();
export type MissingReports = z.infer<typeof MissingReportsSchema>;
