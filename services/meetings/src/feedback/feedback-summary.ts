import { FEEDBACK_MIN_CELL, RAISER_AGE_GROUPS, RAISER_GENDERS, type DataOf, type FeedbackCell, type FeedbackRecordedEvtV1, type FeedbackSummary } from '@rd/contracts';

/** What the aggregate looks at of a response. */
export interface ScoredResponse {
  usefulness: number;
  trustInPolice: number;
  wouldContactPoliceFirst: boolean;
  comment: string | null;
  gender: string | null;
  ageGroup: string | null;
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

/** The survey of one meeting for one audience; pure. */
export function summariseFeedback(meetingId: string, responses: readonly ScoredResponse[], audience: SummaryAudience): FeedbackSummary {
  return {
    meetingId,
    overall: feedbackCell(responses, audience.suppressSmallCells),
    byGender: byKey(responses, RAISER_GENDERS, (r) => r.gender, audience.suppressSmallCells),
    byAgeGroup: byKey(responses, RAISER_AGE_GROUPS, (r) => r.ageGroup, audience.suppressSmallCells),
    comments: audience.includeComments ? responses.map((r) => r.comment).filter((c): c is string => !!c) : [],
  };
}

/** feedback-recorded: how many were added, and the totals and averages over all of the meeting's responses; never comments. */
export function feedbackRecordedPayload(
  meeting: { meetingId: string; districtCode: string; regionCode: string },
  added: number,
  all: readonly ScoredResponse[],
  at: Date,
): DataOf<typeof FeedbackRecordedEvtV1> {
  const cell = feedbackCell(all, false);
  return {
    ...meeting,
    added,
    respondents: cell.n,
    usefulnessAverage: cell.usefulnessAverage ?? 0,
    trustAverage: cell.trustAverage ?? 0,
    contactPoliceFirstShare: cell.contactPoliceFirstShare ?? 0,
    occurredAt: at.toISOString(),
  };
}
