import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CountInboxQryV1, ListInboxQryV1, MarkAllInboxReadCmdV1, MarkInboxItemCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { InboxService } from './inbox.service';

@Controller()
export class InboxController {
  constructor(
    private readonly orm: MikroORM,
    private readonly inbox: InboxService,
  ) {}

  @MessagePattern(ListInboxQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListInboxQryV1>> {
    const { actor, data } = parseRequest(ListInboxQryV1, raw);
    return this.inbox.list(actor, data);
  }

  @MessagePattern(CountInboxQryV1.name)
  @CreateRequestContext()
  count(@Payload() raw: unknown): Promise<ReplyOf<typeof CountInboxQryV1>> {
    const { actor } = parseRequest(CountInboxQryV1, raw);
    return this.inbox.count(actor);
  }

  @MessagePattern(MarkInboxItemCmdV1.name)
  @CreateRequestContext()
  mark(@Payload() raw: unknown): Promise<ReplyOf<typeof MarkInboxItemCmdV1>> {
    const { actor, data } = parseRequest(MarkInboxItemCmdV1, raw);
    return this.inbox.mark(actor, data.id, data.read, data.language);
  }

  @MessagePattern(MarkAllInboxReadCmdV1.name)
  @CreateRequestContext()
  markAll(@Payload() raw: unknown): Promise<ReplyOf<typeof MarkAllInboxReadCmdV1>> {
    const { actor } = parseRequest(MarkAllInboxReadCmdV1, raw);
    return this.inbox.markAll(actor);
  }
}
