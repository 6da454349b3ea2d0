import {
  DomainException,
  instantOnDate,
  SURVEY_CAP_PER_ATTENDEE,
  SURVEY_DAYS_AFTER,
  SURVEY_DEFAULT_CAP,
  type OpenResidentSurveyInput,
  type ResidentSurveyView,
} from '@rd/contracts';
import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `length` characters of RFC 4648 base32 from the crypto RNG (5 random bits each: 256 is a multiple of 32, no bias). */
export function randomBase32(length: number): string {
  return [...randomBytes(length)].map((byte) => BASE32[byte & 31]).join('');
}

/** A survey's public code: 10 characters, 50 random bits. */
export const newSurveyCode = (): string => randomBase32(10);

/** `count` distinct single-use slip codes of 6 characters (30 random bits each). */
export function newSlipCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomBase32(6));
  return [...codes];
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface SurveyWindow {
  opensOn: string;
  closesOn: string;
  opensAt: Date;
  /** Exclusive: midnight after the last day, in the district. */
  closesAt: Date;
}

/**
 * The window an organiser chose, by default the meeting's day and 3 days after, from midnight to midnight in the
 * district's time zone. It may not start before the meeting's day (nobody answers a meeting before it happened).
 */
export function surveyWindow(meetingDay: string, timeZone: string, input: Pick<OpenResidentSurveyInput, 'opensOn' | 'closesOn'>): SurveyWindow {
  const opensOn = input.opensOn ?? meetingDay;
  const closesOn = input.closesOn ?? addDays(opensOn, SURVEY_DAYS_AFTER);
  if (opensOn < meetingDay) throw new DomainException('survey.window-invalid', `The survey cannot open before the meeting's day (${meetingDay})`, 'opensOn');
  if (closesOn < opensOn) throw new DomainException('survey.window-invalid', 'The last day of the survey is before its first day', 'closesOn');
  return { opensOn, closesOn, opensAt: instantOnDate(opensOn, timeZone), closesAt: instantOnDate(addDays(closesOn, 1), timeZone) };
}

/** The cap an organiser chose, else 3 answers per attendee counted, else a default while attendance is not recorded. */
export function responseCap(chosen: number | undefined, attendanceTotal: number | null): number {
  if (chosen !== undefined) return chosen;
  return attendanceTotal && attendanceTotal > 0 ? SURVEY_CAP_PER_ATTENDEE * attendanceTotal : SURVEY_DEFAULT_CAP;
}

export interface SurveyLimits {
  closed: boolean;
  opensAt: Date;
  closesAt: Date;
  responseCap: number;
}

/** Where a survey stands at `now` with `responses` resident answers given. */
export function surveyState(survey: SurveyLimits, responses: number, now: Date): ResidentSurveyView['state'] {
  if (survey.closed || now.getTime() >= survey.closesAt.getTime()) return 'closed';
  if (now.getTime() < survey.opensAt.getTime()) return 'scheduled';
  return responses >= survey.responseCap ? 'full' : 'open';
}

/** Refuses an answer the survey cannot take now; slip codes are checked by the caller, who holds the rows. */
export function assertAcceptsAnswers(survey: SurveyLimits, responses: number, now: Date): void {
  const state = surveyState(survey, responses, now);
  if (state === 'full') throw new DomainException('survey.full', 'This survey has received all the answers it accepts');
  if (state !== 'open') throw new DomainException('survey.closed', state === 'scheduled' ? 'This survey is not open yet' : 'This survey is closed');
}
