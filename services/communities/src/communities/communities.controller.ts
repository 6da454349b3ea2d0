import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  CreateCommunityCmdV1,
  GetCommunityQryV1,
  HEADER_CORRELATION_ID,
  ListCommunitiesQryV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { CommunitiesService } from './communities.service';

function correlationIdOf(context: NatsContext): string {
  return context.getHeaders()?.get(HEADER_CORRELATION_ID) || randomUUID();
}

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
}
