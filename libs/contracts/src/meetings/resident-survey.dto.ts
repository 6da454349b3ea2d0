import { z } from 'zod';
import { FeedbackResponseInputSchema } from './feedback.dto';

/** A survey's public code: 10 characters of RFC 4648 base32 (50 random bits), in the short link `/s/{code}`. */
export const SURVEY_CODE_PATTERN = /^[A-Z2-7]{10}$/;
/** A tear-off slip's single-use code: 6 base32 characters. */
export const SLIP_CODE_PATTERN = /^[A-Z2-7]{6}$/;
export const MAX_SLIP_CODES = 500;
/** The default window: the meeting's day and this many days after, in the district's time zone. */
export const SURVEY_DAYS_AFTER = 3;
/** The default cap: this many answers per attendee counted. */
export const SURVEY_CAP_PER_ATTENDEE = 3;
/** The default cap of a meeting whose attendance is not recorded yet. */
export const SURVEY_DEFAULT_CAP = 300;
/** Languages the resident form speaks. */
export const SURVEY_LANGUAGES = ['en', 'ru', 'tg', 'ky'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];
/** The questions of the form, in order (the answer's field names). */
export const SURVEY_QUESTIONS = ['usefulness', 'trustInPolice', 'wouldContactPoliceFirst', 'gender', 'ageGroup', 'comment'] as const;

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const SurveyCodeSchema = z.string().regex(SURVEY_CODE_PATTERN, 'must be a survey code').describe('Public code of a resident survey');

export const OpenResidentSurveyInputSchema = z
  .object({
    opensOn: DateOnly.optional().describe("First day (district time zone); default the meeting's day"),
    closesOn: DateOnly.optional().describe('Last day, inclusive; default 3 days after the meeting'),
    responseCap: z.number().int().min(1).max(10_000).optional().describe('Most answers residents may give; default 3 × attendance (300 before attendance is recorded)'),
    slipCodes: z.number().int().min(0).max(MAX_SLIP_CODES).optional().describe('How many single-use tear-off slip codes to print (0: none, any phone may answer)'),
  })
  .strict();
export type OpenResidentSurveyInput = z.infer<typeof OpenResidentSurveyInputSchema>;

export const RESIDENT_SURVEY_STATES = ['scheduled', 'open', 'closed', 'full'] as const;

export const ResidentSurveyViewSchema = z
  .object({
    meetingId: z.string().uuid(),
    code: SurveyCodeSchema,
    path: z.string().describe('Short link path, `/s/{code}`'),
    opensOn: DateOnly,
    closesOn: DateOnly,
    opensAt: z.string().datetime().describe('Start of the window (UTC)'),
    closesAt: z.string().datetime().describe('End of the window, exclusive (UTC)'),
    responseCap: z.number().int(),
    responses: z.number().int().describe('Answers residents gave through the survey'),
    closed: z.boolean().describe('Closed by an organiser (reopen to accept answers again)'),
    state: z.enum(RESIDENT_SURVEY_STATES).describe('scheduled (window not started), open, closed (by hand or window over), full (cap reached)'),
    communityName: z.string(),
    language: z.enum(SURVEY_LANGUAGES).describe("The community's language: the form's default and the printed page's"),
    meetingTitle: z.string(),
    slipCodes: z.array(z.object({ code: z.string(), used: z.boolean() }).strict()).describe('Single-use slip codes (empty: none required)'),
  })
  .strict();
export type ResidentSurveyView = z.infer<typeof ResidentSurveyViewSchema>;

/** What anybody holding the code sees: nothing of the meeting but its title and community. */
export const PublicSurveySchema = z
  .object({
    code: SurveyCodeSchema,
    meetingTitle: z.string(),
    communityName: z.string(),
    language: z.enum(SURVEY_LANGUAGES),
    questions: z.array(z.enum(SURVEY_QUESTIONS)),
    slipCodeRequired: z.boolean(),
    open: z.boolean().describe('Whether answers are accepted now'),
  })
  .strict();
export type PublicSurvey = z.infer<typeof PublicSurveySchema>;

export const ResidentAnswerInputSchema = FeedbackResponseInputSchema.omit({ source: true })
  .extend({ slipCode: z.string().trim().toUpperCase().max(20).optional().describe('The tear-off slip code, when the survey asks for one') })
  .strict();
export type ResidentAnswerInput = z.infer<typeof ResidentAnswerInputSchema>;
