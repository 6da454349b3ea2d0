import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { GetTemplateQryV1, ListTemplatesQryV1, PublishTemplateVersionCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { TemplatesService } from './templates.service';

@Controller()
export class TemplatesController {
  constructor(
    private readonly orm: MikroORM,
    private readonly templates: TemplatesService,
  ) {}

  @MessagePattern(ListTemplatesQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListTemplatesQryV1>> {
    const { actor } = parseRequest(ListTemplatesQryV1, raw);
    return this.templates.list(actor);
  }

  @MessagePattern(GetTemplateQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetTemplateQryV1>> {
    const { actor, data } = parseRequest(GetTemplateQryV1, raw);
    return this.templates.get(actor, data.id);
  }

  @MessagePattern(PublishTemplateVersionCmdV1.name)
  @CreateRequestContext()
  publishVersion(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof PublishTemplateVersionCmdV1>> {
    const { actor, data } = parseRequest(PublishTemplateVersionCmdV1, raw);
    return this.templates.publishVersion(actor, data.id, data.template, correlationIdOf(context));
  }
}
