import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddNotificationTemplateVersionCmdV1,
  GetNotificationTemplateQryV1,
  ListNotificationTemplatesQryV1,
  ListNotificationTemplateVersionsQryV1,
  PreviewNotificationTemplateQryV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { NOTIFICATIONS_CONFIG } from '../common/notifications-config';
import type { NotificationsConfig } from '../config';
import { TemplatesService } from './templates.service';

@Controller()
export class TemplatesController {
  constructor(
    private readonly orm: MikroORM,
    private readonly templates: TemplatesService,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  @MessagePattern(ListNotificationTemplatesQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListNotificationTemplatesQryV1>> {
    const { actor, data } = parseRequest(ListNotificationTemplatesQryV1, raw);
    return this.templates.list(actor, data);
  }

  @MessagePattern(GetNotificationTemplateQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetNotificationTemplateQryV1>> {
    const { actor, data } = parseRequest(GetNotificationTemplateQryV1, raw);
    return this.templates.get(actor, data.id);
  }

  @MessagePattern(ListNotificationTemplateVersionsQryV1.name)
  @CreateRequestContext()
  versions(@Payload() raw: unknown): Promise<ReplyOf<typeof ListNotificationTemplateVersionsQryV1>> {
    const { actor, data } = parseRequest(ListNotificationTemplateVersionsQryV1, raw);
    return this.templates.versions(actor, data.id);
  }

  @MessagePattern(AddNotificationTemplateVersionCmdV1.name)
  @CreateRequestContext()
  addVersion(@Payload() raw: unknown): Promise<ReplyOf<typeof AddNotificationTemplateVersionCmdV1>> {
    const { actor, data } = parseRequest(AddNotificationTemplateVersionCmdV1, raw);
    return this.templates.addVersion(actor, data.id, data.content);
  }

  @MessagePattern(PreviewNotificationTemplateQryV1.name)
  @CreateRequestContext()
  preview(@Payload() raw: unknown): Promise<ReplyOf<typeof PreviewNotificationTemplateQryV1>> {
    const { actor, data } = parseRequest(PreviewNotificationTemplateQryV1, raw);
    return this.templates.preview(actor, data.id, data.draft, this.config.consoleUrl);
  }
}
