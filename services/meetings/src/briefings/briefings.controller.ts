import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { CreateBriefingCmdV1, GetBriefingQryV1, ListBriefingDeliveriesQryV1, ListBriefingsQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { BriefingsService } from './briefings.service';

@Controller()
export class BriefingsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly briefings: BriefingsService,
  ) {}

  @MessagePattern(ListBriefingsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListBriefingsQryV1>> {
    const { actor } = parseRequest(ListBriefingsQryV1, raw);
    return this.briefings.list(actor);
  }

  @MessagePattern(GetBriefingQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetBriefingQryV1>> {
    const { actor, data } = parseRequest(GetBriefingQryV1, raw);
    return this.briefings.get(actor, data.id);
  }

  @MessagePattern(CreateBriefingCmdV1.name)
  @CreateRequestContext()
  create(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof CreateBriefingCmdV1>> {
    const { actor, data } = parseRequest(CreateBriefingCmdV1, raw);
    return this.briefings.create(actor, data.briefing, data.previousId, correlationIdOf(context));
  }

  @MessagePattern(ListBriefingDeliveriesQryV1.name)
  @CreateRequestContext()
  deliveries(@Payload() raw: unknown): Promise<ReplyOf<typeof ListBriefingDeliveriesQryV1>> {
    const { actor, data } = parseRequest(ListBriefingDeliveriesQryV1, raw);
    return this.briefings.deliveries(actor, data.id);
  }
}
