import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  CreateCommunityCmdV1,
  GetCommunityQryV1,
  ListCommunitiesQryV1,
  TransitionCommunityCmdV1,
  UpdateCommunityCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { CommunitiesService } from './communities.service';

@Controller()
export class CommunitiesController {
  constructor(
    private readonly orm: MikroORM,
    private readonly communities: CommunitiesService,
  ) {}

  @MessagePattern(CreateCommunityCmdV1.name)
  @CreateRequestContext()
  create(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof CreateCommunityCmdV1>> {
    const { actor, data } = parseRequest(CreateCommunityCmdV1, raw);
    return this.communities.create(actor, data, correlationIdOf(context));
  }

  @MessagePattern(GetCommunityQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetCommunityQryV1>> {
    const { actor, data } = parseRequest(GetCommunityQryV1, raw);
    return this.communities.get(actor, data.id);
  }

  @MessagePattern(ListCommunitiesQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListCommunitiesQryV1>> {
    const { actor, data } = parseRequest(ListCommunitiesQryV1, raw);
    return this.communities.list(actor, data);
  }

  @MessagePattern(UpdateCommunityCmdV1.name)
  @CreateRequestContext()
  update(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof UpdateCommunityCmdV1>> {
    const { actor, data } = parseRequest(UpdateCommunityCmdV1, raw);
    return this.communities.update(actor, data.id, data.patch, correlationIdOf(context));
  }

  @MessagePattern(TransitionCommunityCmdV1.name)
  @CreateRequestContext()
  transition(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof TransitionCommunityCmdV1>> {
    const { actor, data } = parseRequest(TransitionCommunityCmdV1, raw);
    return this.communities.transition(actor, data.id, { to: data.to, reason: data.reason, effectiveOn: data.effectiveOn }, correlationIdOf(context));
  }
}
