import { z } from 'zod';
import { defineRequest } from '../message';
import { OpenResidentSurveyInputSchema, PublicSurveySchema, ResidentAnswerInputSchema, ResidentSurveyViewSchema, SURVEY_LANGUAGES, SurveyCodeSchema } from './resident-survey.dto';

const MeetingId = z.string().uuid().describe('Meeting id');

export const OpenResidentSurveyCmdV1 = defineRequest({
  name: 'meetings.cmd.resident-survey.open.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Open (or change the window and cap of) the resident survey of a held or closed meeting in scope.',
  schema: z
    .object({
      meetingId: MeetingId,
      survey: OpenResidentSurveyInputSchema,
      communityName: z.string().max(200).describe('Shown on the form and the printed page'),
      language: z.enum(SURVEY_LANGUAGES).describe("The community's language"),
    })
    .strict(),
  reply: ResidentSurveyViewSchema,
});

export const SetResidentSurveyClosedCmdV1 = defineRequest({
  name: 'meetings.cmd.resident-survey.set-closed.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Close a resident survey by hand, or reopen it (its window and cap still apply).',
  schema: z.object({ meetingId: MeetingId, closed: z.boolean() }).strict(),
  reply: ResidentSurveyViewSchema,
});

export const GetResidentSurveyQryV1 = defineRequest({
  name: 'meetings.qry.resident-survey.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'The resident survey of a meeting in scope, with its slip codes; NOT_FOUND when none was opened.',
  schema: z.object({ meetingId: MeetingId }).strict(),
  reply: ResidentSurveyViewSchema,
});

export const GetPublicSurveyQryV1 = defineRequest({
  name: 'meetings.qry.resident-survey.public.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'What the anonymous form needs of a survey, by its code: title, community, language, questions, open or not.',
  schema: z.object({ code: SurveyCodeSchema }).strict(),
  reply: PublicSurveySchema,
});

export const SubmitResidentAnswerCmdV1 = defineRequest({
  name: 'meetings.cmd.resident-survey.answer.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: "A resident's own anonymous answer through the survey's code; refused when closed, full, or without a valid unused slip code.",
  schema: z.object({ code: SurveyCodeSchema, answer: ResidentAnswerInputSchema }).strict(),
  reply: z.object({ accepted: z.literal(true) }).strict(),
});
