import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListAuditEntriesQryV1, VerifyAuditChainQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { AuditEntriesService } from './audit-entries.service';

/** Read-only: the audit service answers no command that changes or removes a record. */
@Controller()
export class AuditEntriesController {
  constructor(
    private readonly orm: MikroORM,
    private readonly entries: AuditEntriesService,
  ) {}

  @MessagePattern(ListAuditEntriesQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListAuditEntriesQryV1>> {
    const { actor, data } = parseRequest(ListAuditEntriesQryV1, raw);
    return this.entries.list(actor, data);
  }

  @MessagePattern(VerifyAuditChainQryV1.name)
  @CreateRequestContext()
  verify(@Payload() raw: unknown): Promise<ReplyOf<typeof VerifyAuditChainQryV1>> {
    const { actor, data } = parseRequest(VerifyAuditChainQryV1, raw);
    return this.entries.verify(actor, data);
  }
}
