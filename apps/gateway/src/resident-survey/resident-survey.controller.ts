import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  GetCommunityQryV1,
  GetMeetingQryV1,
  GetResidentSurveyQryV1,
  OpenResidentSurveyCmdV1,
  OpenResidentSurveyInputSchema,
  ResidentSurveyViewSchema,
  SetResidentSurveyClosedCmdV1,
  SURVEY_LANGUAGES,
  type Actor,
  type Language,
  type ResidentSurveyView,
  type SurveyLanguage,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });
const NoBody = z.object({}).strict().describe('No body: {}');

/** The form's language: the community's first language the form speaks, else Russian (spoken across the region). */
export function surveyLanguageOf(languages: readonly Language[]): SurveyLanguage {
  return languages.find((language): language is SurveyLanguage => (SURVEY_LANGUAGES as readonly string[]).includes(language)) ?? 'ru';
}

/**
 * Organisers open a resident survey for a held meeting (ADR 46): a public code, a window, a cap, optional slip codes.
 * The gateway copies the community's name and language into it, so the public form reads nothing else.
 */
@Controller()
export class ResidentSurveyController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post('meetings/:id/survey')
  @HttpCode(200)
  @RequirePermission('meeting:hold')
  @ApiContract({
    summary: "Open the resident survey of a held or closed meeting (or change its window and cap): default window the meeting's day and 3 days after, cap 3 × attendance",
    body: OpenResidentSurveyInputSchema,
    response: ResidentSurveyViewSchema,
  })
  async open(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ResidentSurveyView> {
    const { id } = parseInput(MeetingIdParam, params);
    const survey = parseInput(OpenResidentSurveyInputSchema, body);
    const meeting = await this.rpc.request(GetMeetingQryV1, actor, { id }, { correlationId });
    const community = await this.rpc.request(GetCommunityQryV1, actor, { id: meeting.communityIds[0] }, { correlationId });
    const communityName = meeting.communityIds.length > 1 ? `${community.name} +${meeting.communityIds.length - 1}` : community.name;
    return this.rpc.request(OpenResidentSurveyCmdV1, actor, { meetingId: id, survey, communityName, language: surveyLanguageOf(community.languages) }, { correlationId });
  }

  @Get('meetings/:id/survey')
  @RequirePermission('meeting:hold')
  @ApiContract({ summary: 'The resident survey of a meeting: code, window, cap, answers so far, slip codes', response: ResidentSurveyViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<ResidentSurveyView> {
    const { id } = parseInput(MeetingIdParam, params);
    return this.rpc.request(GetResidentSurveyQryV1, actor, { meetingId: id }, { correlationId });
  }

  @Post('meetings/:id/survey/close')
  @HttpCode(200)
  @RequirePermission('meeting:hold')
  @ApiContract({ summary: 'Close the resident survey now: its link answers "closed" until reopened', body: NoBody, response: ResidentSurveyViewSchema })
  close(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ResidentSurveyView> {
    return this.setClosed(actor, params, body, true, correlationId);
  }

  @Post('meetings/:id/survey/reopen')
  @HttpCode(200)
  @RequirePermission('meeting:hold')
  @ApiContract({ summary: 'Reopen a resident survey closed by hand (its window and cap still apply)', body: NoBody, response: ResidentSurveyViewSchema })
  reopen(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ResidentSurveyView> {
    return this.setClosed(actor, params, body, false, correlationId);
  }

  private setClosed(actor: Actor, params: unknown, body: unknown, closed: boolean, correlationId: string): Promise<ResidentSurveyView> {
    const { id } = parseInput(MeetingIdParam, params);
    parseInput(NoBody, body);
    return this.rpc.request(SetResidentSurveyClosedCmdV1, actor, { meetingId: id, closed }, { correlationId });
  }
}
