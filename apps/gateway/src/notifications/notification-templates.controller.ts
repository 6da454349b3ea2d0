import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  AddNotificationTemplateVersionCmdV1,
  GetNotificationTemplateQryV1,
  ListNotificationTemplatesQryV1,
  ListNotificationTemplateVersionsQryV1,
  NotificationPreviewViewSchema,
  NotificationTemplateContentSchema,
  NotificationTemplateIdSchema,
  NotificationTemplateVersionViewSchema,
  NotificationTemplateViewSchema,
  PreviewNotificationTemplateInputSchema,
  PreviewNotificationTemplateQryV1,
  type Actor,
  type NotificationPreviewView,
  type NotificationTemplateVersionView,
  type NotificationTemplateView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: NotificationTemplateIdSchema });

/** Notification templates per type and language, versioned; national. */
@Controller('notifications/templates')
export class NotificationTemplatesController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('notification-template:manage')
  @ApiContract({ summary: 'Current version of every notification template (filters: type, language)', response: NotificationTemplateViewSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NotificationTemplateView[]> {
    return listResponse(reply, 'notifications/templates', query, ({ offset, limit, sort, order, filter }) => {
      const data = parseInput(ListNotificationTemplatesQryV1.schema, { offset, limit, sort, order, ...filter });
      return this.rpc.request(ListNotificationTemplatesQryV1, actor, data, { correlationId });
    });
  }

  @Get(':id')
  @RequirePermission('notification-template:manage')
  @ApiContract({ summary: 'Current version of one template, id "<type>.<language>" (404 when that language has none yet)', response: NotificationTemplateViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<NotificationTemplateView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetNotificationTemplateQryV1, actor, { id }, { correlationId });
  }

  @Get(':id/versions')
  @RequirePermission('notification-template:manage')
  @ApiContract({ summary: 'Every version of one template, newest first ([] when none)', response: z.array(NotificationTemplateVersionViewSchema) })
  versions(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<NotificationTemplateVersionView[]> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(ListNotificationTemplateVersionsQryV1, actor, { id }, { correlationId });
  }

  @Post(':id/versions')
  @HttpCode(201)
  @RequirePermission('notification-template:manage')
  @ApiContract({ summary: 'Write a new version of a template (version 1 for a language that has none); mustache syntax is checked', body: NotificationTemplateContentSchema, response: NotificationTemplateViewSchema, successStatus: 201 })
  addVersion(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<NotificationTemplateView> {
    const { id } = parseInput(IdParam, params);
    const content = parseInput(NotificationTemplateContentSchema, body);
    return this.rpc.request(AddNotificationTemplateVersionCmdV1, actor, { id, content }, { correlationId });
  }

  @Post(':id/preview')
  @HttpCode(200)
  @RequirePermission('notification-template:manage')
  @ApiContract({ summary: 'Render a draft (fields omitted: the current version) with sample data; writes nothing', body: PreviewNotificationTemplateInputSchema, response: NotificationPreviewViewSchema })
  preview(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<NotificationPreviewView> {
    const { id } = parseInput(IdParam, params);
    const draft = parseInput(PreviewNotificationTemplateInputSchema, body);
    return this.rpc.request(PreviewNotificationTemplateQryV1, actor, { id, draft }, { correlationId });
  }
}
