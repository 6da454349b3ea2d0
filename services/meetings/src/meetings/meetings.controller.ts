import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  CreateMeetingCmdV1,
  GetMeetingQryV1,
  ListMeetingsQryV1,
  TransitionMeetingCmdV1,
  UpdateMeetingCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { MeetingsService } from './meetings.service';

@Controller()
export class MeetingsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly meetings: MeetingsService,
  ) {}

  @MessagePattern(CreateMeetingCmdV1.name)
  @CreateRequestContext()
  create(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof CreateMeetingCmdV1>> {
    const { actor, data } = parseRequest(CreateMeetingCmdV1, raw);
    // `place` of older senders is ignored: the service looks it up.
    return this.meetings.create(actor, data.input, correlationIdOf(context));
  }

  @MessagePattern(GetMeetingQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetMeetingQryV1>> {
    const { actor, data } = parseRequest(GetMeetingQryV1, raw);
    return this.meetings.get(actor, data.id);
  }

  @MessagePattern(ListMeetingsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListMeetingsQryV1>> {
    const { actor, data } = parseRequest(ListMeetingsQryV1, raw);
    return this.meetings.list(actor, data);
  }

  @MessagePattern(UpdateMeetingCmdV1.name)
  @CreateRequestContext()
  update(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof UpdateMeetingCmdV1>> {
    const { actor, data } = parseRequest(UpdateMeetingCmdV1, raw);
    return this.meetings.update(actor, data.id, data.patch, correlationIdOf(context));
  }

  @MessagePattern(TransitionMeetingCmdV1.name)
  @CreateRequestContext()
  transition(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof TransitionMeetingCmdV1>> {
    const { actor, data } = parseRequest(TransitionMeetingCmdV1, raw);
    const { id, ...input } = data;
    return this.meetings.transition(actor, id, input, correlationIdOf(context));
  }
}
