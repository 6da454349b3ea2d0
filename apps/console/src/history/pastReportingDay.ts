import {
  CONCERN_TOPICS,
  PAST_REPORTING_DAY_EARLIEST,
  PAST_REPORTING_DAY_MAX_CONCERNS,
  PAST_REPORTING_DAY_MAX_RESPONDENTS,
  SENSITIVITIES,
  type ConcernTopic,
  type OrganisedBy,
  type PastReportingDayInput,
  type Sensitivity,
} from '@rd/contracts';
import { emptyCounts, type Counts } from '../meetings/draft';
import type { Built } from '../meetings/inputs';

/**
 * A reporting day held before the platform (ADR 35), as the form holds it and as POST /past-reporting-days takes it:
 * counts only — attendance by gender and age, concerns by topic and sensitivity, survey answers per score.
 */

export const SCORES = [1, 2, 3, 4, 5] as const;
/** The survey's two score questions; `counts[i]` is how many answered score i + 1. */
export const SCORE_QUESTIONS = ['usefulness', 'trust'] as const;
export type ScoreQuestion = (typeof SCORE_QUESTIONS)[number];
export const CONTACT_ANSWERS = ['yes', 'no'] as const;
export type ContactAnswer = (typeof CONTACT_ANSWERS)[number];


export type ConcernCounts = Partial<Record<ConcernTopic, Partial<Record<Sensitivity, number>>>>;

export interface FeedbackCounts {
  usefulness: number[];
  trust: number[];
  contact: Record<ContactAnswer, number>;
}

export interface PastReportingDayDraft {
  communityId: string | null;
  /** `YYYY-MM-DD` on the district's calendar. */
  heldOn: string;
  organisedBy: OrganisedBy;
  facilitatingOrganisationId: string | null;
  venueName: string;
  attendance: Counts;
  concerns: ConcernCounts;
  feedback: FeedbackCounts;
}

/** The body of POST /past-reporting-days. */
export type PastReportingDayBody = PastReportingDayInput;

export const emptyFeedback = (): FeedbackCounts => ({ usefulness: [0, 0, 0, 0, 0], trust: [0, 0, 0, 0, 0], contact: { yes: 0, no: 0 } });

export const emptyPastReportingDay = (communityId: string | null = null): PastReportingDayDraft => ({
  communityId,
  heldOn: '',
  organisedBy: 'police-ngo-facilitated',
  facilitatingOrganisationId: null,
  venueName: '',
  attendance: emptyCounts(),
  concerns: {},
  feedback: emptyFeedback(),
});

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The concern counts as the request lists them: every topic × sensitivity with a count, in the managed order. */
export function concernList(concerns: ConcernCounts): PastReportingDayBody['concerns'] {
  return CONCERN_TOPICS.flatMap((topic) =>
    SENSITIVITIES.flatMap((sensitivity) => {
      const count = concerns[topic]?.[sensitivity] ?? 0;
      return count > 0 ? [{ topic, sensitivity, count }] : [];
    }),
  );
}

/** Respondents as each question counts them; the three agree when the survey was entered completely. */
export function respondents(feedback: FeedbackCounts): { usefulness: number; trust: number; contact: number } {
  return { usefulness: sum(feedback.usefulness), trust: sum(feedback.trust), contact: feedback.contact.yes + feedback.contact.no };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const E = 'resources.past-reporting-days.errors';

/**
 * Checks the form and builds the request (what is missing comes back as message keys): a community, a day that is
 * not in the future (`today` is the district's day), at most 500 concerns, and survey counts whose three questions add up to the same number of respondents (at most
 * 2,000). Empty feedback is left out; the server checks all of it again.
 */
export function buildPastReportingDayInput(draft: PastReportingDayDraft, today: string): Built<PastReportingDayBody> {
  const errors: string[] = [];
  if (!draft.communityId) errors.push(`${E}.community`);
  if (!DAY.test(draft.heldOn) || draft.heldOn < PAST_REPORTING_DAY_EARLIEST) errors.push(`${E}.heldOn`);
  else if (draft.heldOn > today) errors.push(`${E}.heldOnFuture`);
  const concerns = concernList(draft.concerns);
  if (sum(concerns.map((entry) => entry.count)) > PAST_REPORTING_DAY_MAX_CONCERNS) errors.push(`${E}.concernCount`);
  const answered = respondents(draft.feedback);
  const anyFeedback = answered.usefulness + answered.trust + answered.contact > 0;
  if (anyFeedback && (answered.usefulness !== answered.trust || answered.trust !== answered.contact)) errors.push(`${E}.feedbackTotals`);
  else if (answered.usefulness > PAST_REPORTING_DAY_MAX_RESPONDENTS) errors.push(`${E}.respondents`);
  if (errors.length || !draft.communityId) return { ok: false, errors };
  const body: PastReportingDayBody = {
    communityId: draft.communityId,
    heldOn: draft.heldOn,
    organisedBy: draft.organisedBy,
    attendance: { counts: draft.attendance },
    concerns,
  };
  if (draft.organisedBy !== 'police' && draft.facilitatingOrganisationId) body.facilitatingOrganisationId = draft.facilitatingOrganisationId;
  if (draft.venueName.trim()) body.venueName = draft.venueName.trim();
  if (anyFeedback) body.feedback = { usefulness: [...draft.feedback.usefulness], trust: [...draft.feedback.trust], contactPoliceFirst: { ...draft.feedback.contact } };
  return { ok: true, value: body };
}
