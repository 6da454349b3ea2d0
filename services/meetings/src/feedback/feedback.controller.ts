import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { GetFeedbackSummaryQryV1, RecordFeedbackCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { FeedbackService } from './feedback.service';

@Controller()
export class FeedbackController {
  constructor(
    private readonly orm: MikroORM,
    private readonly feedback: FeedbackService,
  ) {}

  @MessagePattern(RecordFeedbackCmdV1.name)
  @CreateRequestContext()
  record(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof RecordFeedbackCmdV1>> {
    const { actor, data } = parseRequest(RecordFeedbackCmdV1, raw);
    return this.feedback.record(actor, data.meetingId, data.responses, correlationIdOf(context));
  }

  @MessagePattern(GetFeedbackSummaryQryV1.name)
  @CreateRequestContext()
  summary(@Payload() raw: unknown): Promise<ReplyOf<typeof GetFeedbackSummaryQryV1>> {
    const { actor, data } = parseRequest(GetFeedbackSummaryQryV1, raw);
    return this.feedback.summary(actor, data.meetingId);
  }
}
