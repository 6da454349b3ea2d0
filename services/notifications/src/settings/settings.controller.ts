import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetNotificationSettingsQryV1, UpdateNotificationSettingsCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly settings: SettingsService,
  ) {}

  @MessagePattern(GetNotificationSettingsQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetNotificationSettingsQryV1>> {
    const { actor, data } = parseRequest(GetNotificationSettingsQryV1, raw);
    return this.settings.get(actor, data.districtCode);
  }

  @MessagePattern(UpdateNotificationSettingsCmdV1.name)
  @CreateRequestContext()
  update(@Payload() raw: unknown): Promise<ReplyOf<typeof UpdateNotificationSettingsCmdV1>> {
    const { actor, data } = parseRequest(UpdateNotificationSettingsCmdV1, raw);
    return this.settings.update(actor, data.districtCode, data.settings);
  }
}
