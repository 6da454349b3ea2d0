import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { ApplyCommunityImportCmdV1, DryRunCommunityImportQryV1, HEADER_CORRELATION_ID, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { CommunityImportsService } from './community-imports.service';

@Controller()
export class CommunityImportsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly imports: CommunityImportsService,
  ) {}

  @MessagePattern(DryRunCommunityImportQryV1.name)
  @CreateRequestContext()
  async dryRun(@Payload() raw: unknown): Promise<ReplyOf<typeof DryRunCommunityImportQryV1>> {
    const { actor, data } = parseRequest(DryRunCommunityImportQryV1, raw);
    return { errors: await this.imports.check(actor, data.rows) };
  }

  @MessagePattern(ApplyCommunityImportCmdV1.name)
  @CreateRequestContext()
  apply(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ApplyCommunityImportCmdV1>> {
    const { actor, data } = parseRequest(ApplyCommunityImportCmdV1, raw);
    return this.imports.apply(actor, data.rows, context.getHeaders()?.get(HEADER_CORRELATION_ID) || randomUUID());
  }
}
