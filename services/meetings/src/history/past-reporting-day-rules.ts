import {
  instantOnDate,
  PAST_REPORTING_DAY_MAX_CONCERNS,
  type FieldError,
  type PastConcernCount,
  type PastFeedbackCounts,
} from '@rd/contracts';

/** The text a concern counted afterwards carries: there was none to record, and nothing confidential can come in. */
export const COUNT_ONLY_TEXT = '(recorded afterwards: count only)';

/** Midday of the day in the district stands for a reporting day whose hour nobody recorded; never later than now. */
export function heldAtFor(heldOn: string, timeZone: string, now: Date): Date {
  const midday = instantOnDate(heldOn, timeZone, 12);
  return midday.getTime() > now.getTime() ? now : midday;
}

/** A reporting day is in the past: not after the district's today (YYYY-MM-DD strings compare as days). */
export function heldOnError(heldOn: string, today: string): FieldError | null {
  return heldOn > today ? { field: 'heldOn', message: `${heldOn} is in the future (today is ${today} in the district)` } : null;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Shape problems the schema cannot see: a topic and sensitivity counted twice, too many concerns in all, survey totals that differ. */
export function pastReportingDayErrors(input: { concerns: readonly PastConcernCount[]; feedback?: PastFeedbackCounts }): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.concerns.forEach((c, i) => {
    const key = `${c.topic}/${c.sensitivity}`;
    if (seen.has(key)) errors.push({ field: `concerns.${i}`, message: `${c.topic} (${c.sensitivity}) is counted twice` });
    seen.add(key);
  });
  const concerns = sum(input.concerns.map((c) => c.count));
  if (concerns > PAST_REPORTING_DAY_MAX_CONCERNS) errors.push({ field: 'concerns', message: `at most ${PAST_REPORTING_DAY_MAX_CONCERNS} concerns in all, not ${concerns}` });
  if (input.feedback) {
    const { usefulness, trust, contactPoliceFirst } = input.feedback;
    const respondents = sum(usefulness);
    if (respondents === 0) errors.push({ field: 'feedback.usefulness', message: 'no respondents: leave the survey out instead' });
    if (sum(trust) !== respondents) errors.push({ field: 'feedback.trust', message: `adds up to ${sum(trust)} respondents, usefulness to ${respondents}` });
    const contact = contactPoliceFirst.yes + contactPoliceFirst.no;
    if (contact !== respondents) errors.push({ field: 'feedback.contactPoliceFirst', message: `yes and no add up to ${contact} respondents, usefulness to ${respondents}` });
  }
  return errors;
}

export interface ScoredAnswer {
  usefulness: number;
  trustInPolice: number;
  wouldContactPoliceFirst: boolean;
}

/**
 * One anonymous response per respondent from the counts (which must agree: pastReportingDayErrors). The counts do not
 * say who gave which answers together, so answers are paired in order; every sum, average and share the platform
 * reports is the same as for any pairing.
 */
export function responsesFromCounts(feedback: PastFeedbackCounts): ScoredAnswer[] {
  const expand = (counts: readonly number[]) => counts.flatMap((n, i) => Array.from({ length: n }, () => i + 1));
  const usefulness = expand(feedback.usefulness);
  const trust = expand(feedback.trust);
  return usefulness.map((score, i) => ({ usefulness: score, trustInPolice: trust[i], wouldContactPoliceFirst: i < feedback.contactPoliceFirst.yes }));
}
