import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { ApproveMinutesCmdV1, GetMinutesQryV1, ListMinutesVersionsQryV1, SaveMinutesCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../concerns/concerns.controller';
import { MinutesService } from './minutes.service';

@Controller()
export class MinutesController {
  constructor(
    private readonly orm: MikroORM,
    private readonly minutes: MinutesService,
  ) {}

  @MessagePattern(GetMinutesQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetMinutesQryV1>> {
    const { actor, data } = parseRequest(GetMinutesQryV1, raw);
    return this.minutes.get(actor, data.meetingId);
  }

  @MessagePattern(ListMinutesVersionsQryV1.name)
  @CreateRequestContext()
  versions(@Payload() raw: unknown): Promise<ReplyOf<typeof ListMinutesVersionsQryV1>> {
    const { actor, data } = parseRequest(ListMinutesVersionsQryV1, raw);
    return this.minutes.versions(actor, data.meetingId, { offset: data.offset, limit: data.limit });
  }

  @MessagePattern(SaveMinutesCmdV1.name)
  @CreateRequestContext()
  save(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof SaveMinutesCmdV1>> {
    const { actor, data } = parseRequest(SaveMinutesCmdV1, raw);
    return this.minutes.save(actor, data.meetingId, data.input, correlationIdOf(context));
  }

  @MessagePattern(ApproveMinutesCmdV1.name)
  @CreateRequestContext()
  approve(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ApproveMinutesCmdV1>> {
    const { actor, data } = parseRequest(ApproveMinutesCmdV1, raw);
    return this.minutes.approve(actor, data.meetingId, data.expectedVersion, correlationIdOf(context));
  }
}
