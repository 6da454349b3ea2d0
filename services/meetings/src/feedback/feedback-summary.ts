import {
  FEEDBACK_MIN_CELL,
  FEEDBACK_SOURCES,
  RAISER_AGE_GROUPS,
  RAISER_GENDERS,
  STAFF_DOMINANCE_SHARE,
  type DataOf,
  type FeedbackCell,
  type FeedbackRecordedEvtV2,
  type FeedbackSource,
  type FeedbackSummary,
} from '@rd/contracts';

/** What the aggregate looks at of a response. */
export interface ScoredResponse {
  usefulness: number;
  trustInPolice: number;
  wouldContactPoliceFirst: boolean;
  comment: string | null;
  gender: string | null;
  ageGroup: string | null;
  source: FeedbackSource;
}

export interface SummaryAudience {
  /** Organisers (roles that hold meetings) see every cell; others get cells under FEEDBACK_MIN_CELL suppressed. */
  suppressSmallCells: boolean;
  includeComments: boolean;
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** n, averages and share of yes over a group; suppressed groups show only their n. */
export function feedbackCell(responses: readonly ScoredResponse[], suppressSmallCells: boolean): FeedbackCell {
  const n = responses.length;
  const suppressed = suppressSmallCells && n > 0 && n < FEEDBACK_MIN_CELL;
  if (n === 0 || suppressed) return { n, suppressed, usefulnessAverage: null, trustAverage: null, contactPoliceFirstShare: null };
  const sum = (pick: (r: ScoredResponse) => number) => responses.reduce((s, r) => s + pick(r), 0);
  return {
    n,
    suppressed: false,
    usefulnessAverage: round(sum((r) => r.usefulness) / n),
    trustAverage: round(sum((r) => r.trustInPolice) / n),
    contactPoliceFirstShare: round(sum((r) => (r.wouldContactPoliceFirst ? 1 : 0)) / n),
  };
}

function byKey(responses: readonly ScoredResponse[], keys: readonly string[], pick: (r: ScoredResponse) => string | null, suppress: boolean): Record<string, FeedbackCell> {
  const cells: Record<string, FeedbackCell> = {};
  for (const key of [...keys, 'unspecified']) {
    cells[key] = feedbackCell(responses.filter((r) => (pick(r) ?? 'unspecified') === key), suppress);
  }
  return cells;
}

/** Share (0–1, two decimals) of answers the residents gave themselves, and whether staff-entered answers dominate. */
export function sourceMix(responses: readonly { source: FeedbackSource }[]): { selfReportedShare: number | null; staffDominates: boolean } {
  if (responses.length === 0) return { selfReportedShare: null, staffDominates: false };
  const self = responses.filter((r) => r.source !== 'staff').length;
  return { selfReportedShare: round(self / responses.length), staffDominates: (responses.length - self) / responses.length > STAFF_DOMINANCE_SHARE };
}

/** The survey of one meeting for one audience; pure. */
export function summariseFeedback(meetingId: string, responses: readonly ScoredResponse[], audience: SummaryAudience): FeedbackSummary {
  const bySource = Object.fromEntries(
    FEEDBACK_SOURCES.map((source) => [source, feedbackCell(responses.filter((r) => r.source === source), audience.suppressSmallCells)]),
  ) as Record<FeedbackSource, FeedbackCell>;
  return {
    meetingId,
    overall: feedbackCell(responses, audience.suppressSmallCells),
    byGender: byKey(responses, RAISER_GENDERS, (r) => r.gender, audience.suppressSmallCells),
    byAgeGroup: byKey(responses, RAISER_AGE_GROUPS, (r) => r.ageGroup, audience.suppressSmallCells),
    bySource,
    ...sourceMix(responses),
    comments: audience.includeComments ? responses.map((r) => r.comment).filter((c): c is string => !!c) : [],
  };
}

function totals(responses: readonly ScoredResponse[]) {
  const cell = feedbackCell(responses, false);
  return {
    respondents: cell.n,
    usefulnessAverage: cell.usefulnessAverage ?? 0,
    trustAverage: cell.trustAverage ?? 0,
    contactPoliceFirstShare: cell.contactPoliceFirstShare ?? 0,
  };
}

/** feedback-recorded: how many were added, and the totals and averages over all of the meeting's responses, overall and per source; never comments. */
export function feedbackRecordedPayload(
  meeting: { meetingId: string; districtCode: string; regionCode: string },
  added: number,
  all: readonly ScoredResponse[],
  at: Date,
): DataOf<typeof FeedbackRecordedEvtV2> {
  const bySource = Object.fromEntries(FEEDBACK_SOURCES.map((source) => [source, totals(all.filter((r) => r.source === source))])) as Record<FeedbackSource, ReturnType<typeof totals>>;
  return { ...meeting, added, ...totals(all), bySource, occurredAt: at.toISOString() };
}
