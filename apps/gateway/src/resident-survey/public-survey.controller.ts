import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { Public } from '@rd/auth-nest';
import { GetPublicSurveyQryV1, PublicSurveySchema, ResidentAnswerInputSchema, SubmitResidentAnswerCmdV1, SurveyCodeSchema, type Actor, type PublicSurvey, type ReplyOf } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { SurveyAnswerRateLimitGuard } from '../rate-limit/rate-limit.guards';
import { RPC_CLIENT } from '../rpc/rpc.module';

const CodeParam = z.object({ code: z.string() });
/**
 * The actor of the public survey routes: the code is the only credential, so the request carries nobody and may do
 * nothing else (no roles, no scope).
 */
export const RESIDENT_ACTOR: Actor = { userId: 'resident-survey', username: 'resident-survey', roles: [], scope: { national: false, regions: [], districts: [] } };

/** A malformed code is answered like an unknown one: the routes say nothing about what a code looks like. */
function codeOf(params: unknown): string {
  const code = parseInput(CodeParam, params).code.toUpperCase();
  if (!SurveyCodeSchema.safeParse(code).success) throw new ProblemError('survey.not-found', 'No resident survey with this code');
  return code;
}

/**
 * The resident survey as residents reach it, without signing in (ADR 46; docs/security.md says what a code allows).
 * Answers are limited per network address by their own named throttler, beside the survey's window, cap and slips.
 */
@Controller('public/surveys')
export class PublicSurveyController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get(':code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiContract({
    summary: 'A resident survey by its code, for the anonymous form (no bearer token): meeting title, community, language, questions, open or not; nothing else',
    response: PublicSurveySchema,
  })
  get(@Param() params: unknown, @CorrelationId() correlationId: string): Promise<PublicSurvey> {
    return this.rpc.request(GetPublicSurveyQryV1, RESIDENT_ACTOR, { code: codeOf(params) }, { correlationId });
  }

  @Post(':code/answers')
  @Public()
  @HttpCode(201)
  @UseGuards(SurveyAnswerRateLimitGuard)
  @ApiContract({
    summary: "One resident's anonymous answer (no bearer token); send an Idempotency-Key so a resend after a lost connection counts once",
    body: ResidentAnswerInputSchema,
    response: SubmitResidentAnswerCmdV1.reply,
  })
  answer(@Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ReplyOf<typeof SubmitResidentAnswerCmdV1>> {
    const code = codeOf(params);
    const answer = parseInput(ResidentAnswerInputSchema, body);
    return this.rpc.request(SubmitResidentAnswerCmdV1, RESIDENT_ACTOR, { code, answer }, { correlationId });
  }
}
