import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { GetPublicSurveyQryV1, GetResidentSurveyQryV1, OpenResidentSurveyCmdV1, SetResidentSurveyClosedCmdV1, SubmitResidentAnswerCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { ResidentSurveyService } from './resident-survey.service';

@Controller()
export class ResidentSurveyController {
  constructor(
    private readonly orm: MikroORM,
    private readonly surveys: ResidentSurveyService,
  ) {}

  @MessagePattern(OpenResidentSurveyCmdV1.name)
  @CreateRequestContext()
  open(@Payload() raw: unknown): Promise<ReplyOf<typeof OpenResidentSurveyCmdV1>> {
    const { actor, data } = parseRequest(OpenResidentSurveyCmdV1, raw);
    return this.surveys.open(actor, data.meetingId, data.survey, { communityName: data.communityName, language: data.language });
  }

  @MessagePattern(SetResidentSurveyClosedCmdV1.name)
  @CreateRequestContext()
  setClosed(@Payload() raw: unknown): Promise<ReplyOf<typeof SetResidentSurveyClosedCmdV1>> {
    const { actor, data } = parseRequest(SetResidentSurveyClosedCmdV1, raw);
    return this.surveys.setClosed(actor, data.meetingId, data.closed);
  }

  @MessagePattern(GetResidentSurveyQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetResidentSurveyQryV1>> {
    const { actor, data } = parseRequest(GetResidentSurveyQryV1, raw);
    return this.surveys.get(actor, data.meetingId);
  }

  /** Public: the gateway asks with an actor that holds nothing; the code is the only credential. */
  @MessagePattern(GetPublicSurveyQryV1.name)
  @CreateRequestContext()
  publicView(@Payload() raw: unknown): Promise<ReplyOf<typeof GetPublicSurveyQryV1>> {
    const { data } = parseRequest(GetPublicSurveyQryV1, raw);
    return this.surveys.publicView(data.code);
  }

  @MessagePattern(SubmitResidentAnswerCmdV1.name)
  @CreateRequestContext()
  answer(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof SubmitResidentAnswerCmdV1>> {
    const { data } = parseRequest(SubmitResidentAnswerCmdV1, raw);
    return this.surveys.answer(data.code, data.answer, correlationIdOf(context));
  }
}
