import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { FeedbackBatchInputSchema, FeedbackSummarySchema, GetFeedbackSummaryQryV1, RecordFeedbackCmdV1, type Actor, type FeedbackSummary, type ReplyOf } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });

@Controller()
export class FeedbackController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post('meetings/:id/feedback')
  @HttpCode(201)
  @RequirePermission('meeting:hold')
  @ApiContract({
    summary: 'Add anonymous survey responses (an array: bulk from paper, or one) to a held or closed meeting',
    body: FeedbackBatchInputSchema,
    response: RecordFeedbackCmdV1.reply,
  })
  record(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ReplyOf<typeof RecordFeedbackCmdV1>> {
    const { id } = parseInput(MeetingIdParam, params);
    const responses = parseInput(FeedbackBatchInputSchema, body);
    return this.rpc.request(RecordFeedbackCmdV1, actor, { meetingId: id, responses }, { correlationId });
  }

  @Get('meetings/:id/feedback/summary')
  @RequirePermission('meeting:read')
  @ApiContract({
    summary: 'Survey aggregate of a meeting: n, averages, share who would contact the police first; groups under 5 suppressed for non-organisers',
    response: FeedbackSummarySchema,
  })
  summary(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<FeedbackSummary> {
    const { id } = parseInput(MeetingIdParam, params);
    return this.rpc.request(GetFeedbackSummaryQryV1, actor, { meetingId: id }, { correlationId });
  }
}
