import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { GetConcernQryV1, HEADER_CORRELATION_ID, ListConcernRegisterQryV1, ListConcernsQryV1, RecordConcernCmdV1, UpdateConcernCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { ConcernRegisterService } from './concern-register.service';
import { ConcernsService } from './concerns.service';

export function correlationIdOf(context: NatsContext): string {
  return context.getHeaders()?.get(HEADER_CORRELATION_ID) || randomUUID();
}

@Controller()
export class ConcernsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly concerns: ConcernsService,
    private readonly register: ConcernRegisterService,
  ) {}

  @MessagePattern(RecordConcernCmdV1.name)
  @CreateRequestContext()
  record(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof RecordConcernCmdV1>> {
    const { actor, data } = parseRequest(RecordConcernCmdV1, raw);
    return this.concerns.record(actor, data.meetingId, data.concern, correlationIdOf(context));
  }

  @MessagePattern(ListConcernsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ListConcernsQryV1>> {
    const { actor, data } = parseRequest(ListConcernsQryV1, raw);
    return this.concerns.list(actor, data, { correlationId: correlationIdOf(context), origin: data.origin });
  }

  @MessagePattern(ListConcernRegisterQryV1.name)
  @CreateRequestContext()
  listRegister(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ListConcernRegisterQryV1>> {
    const { actor, data } = parseRequest(ListConcernRegisterQryV1, raw);
    return this.register.list(actor, data, { correlationId: correlationIdOf(context), origin: data.origin });
  }

  @MessagePattern(GetConcernQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof GetConcernQryV1>> {
    const { actor, data } = parseRequest(GetConcernQryV1, raw);
    return this.concerns.get(actor, data.id, { correlationId: correlationIdOf(context), origin: data.origin });
  }

  @MessagePattern(UpdateConcernCmdV1.name)
  @CreateRequestContext()
  update(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof UpdateConcernCmdV1>> {
    const { actor, data } = parseRequest(UpdateConcernCmdV1, raw);
    return this.concerns.update(actor, data.id, data.patch, correlationIdOf(context));
  }
}
