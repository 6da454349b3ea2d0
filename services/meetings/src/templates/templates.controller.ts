import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetTemplateQryV1, ListTemplatesQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
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
}
