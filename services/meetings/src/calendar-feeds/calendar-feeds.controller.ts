import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateCalendarFeedCmdV1, GetCalendarFeedQryV1, ResolveCalendarFeedQryV1, RevokeCalendarFeedCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { CalendarFeedsService } from './calendar-feeds.service';

@Controller()
export class CalendarFeedsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly feeds: CalendarFeedsService,
  ) {}

  @MessagePattern(CreateCalendarFeedCmdV1.name)
  @CreateRequestContext()
  create(@Payload() raw: unknown): Promise<ReplyOf<typeof CreateCalendarFeedCmdV1>> {
    const { actor, data } = parseRequest(CreateCalendarFeedCmdV1, raw);
    return this.feeds.create(actor, data.tokenHash);
  }

  @MessagePattern(GetCalendarFeedQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetCalendarFeedQryV1>> {
    const { actor } = parseRequest(GetCalendarFeedQryV1, raw);
    return this.feeds.get(actor);
  }

  @MessagePattern(RevokeCalendarFeedCmdV1.name)
  @CreateRequestContext()
  revoke(@Payload() raw: unknown): Promise<ReplyOf<typeof RevokeCalendarFeedCmdV1>> {
    const { actor } = parseRequest(RevokeCalendarFeedCmdV1, raw);
    return this.feeds.revoke(actor);
  }

  @MessagePattern(ResolveCalendarFeedQryV1.name)
  @CreateRequestContext()
  resolve(@Payload() raw: unknown): Promise<ReplyOf<typeof ResolveCalendarFeedQryV1>> {
    const { data } = parseRequest(ResolveCalendarFeedQryV1, raw);
    return this.feeds.resolve(data.tokenHash);
  }
}
