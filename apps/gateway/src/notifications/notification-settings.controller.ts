import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  GeoCodeSchema,
  GetNotificationSettingsQryV1,
  NotificationSettingsInputSchema,
  NotificationSettingsViewSchema,
  UpdateNotificationSettingsCmdV1,
  type Actor,
  type NotificationSettingsView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const DistrictParam = z.object({ districtCode: GeoCodeSchema });

/** Reminder settings per district (react-admin id = district code). */
@Controller('notifications/settings')
export class NotificationSettingsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get(':districtCode')
  @RequirePermission('notification-settings:manage')
  @ApiContract({ summary: 'Reminder settings of a district in scope (defaults until changed; 404 outside scope)', response: NotificationSettingsViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<NotificationSettingsView> {
    const { districtCode } = parseInput(DistrictParam, params);
    return this.rpc.request(GetNotificationSettingsQryV1, actor, { districtCode }, { correlationId });
  }

  @Put(':districtCode')
  @RequirePermission('notification-settings:manage')
  @ApiContract({ summary: 'Change the reminder settings of a district in scope (404 outside scope); pending reminders are re-planned', body: NotificationSettingsInputSchema, response: NotificationSettingsViewSchema })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<NotificationSettingsView> {
    const { districtCode } = parseInput(DistrictParam, params);
    const settings = parseInput(NotificationSettingsInputSchema, body);
    return this.rpc.request(UpdateNotificationSettingsCmdV1, actor, { districtCode, settings }, { correlationId });
  }
}
