import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CountInboxQryV1,
  InboxCountViewSchema,
  InboxItemViewSchema,
  InboxLanguageSchema,
  ListInboxQryV1,
  MarkAllInboxReadCmdV1,
  MarkInboxItemCmdV1,
  type Actor,
  type InboxCountView,
  type InboxItemView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a message id') });
const MarkedSchema = z.object({ marked: z.number().int().min(0) });
/** These POSTs take no input: an empty JSON object (or no body). */
const EmptyBody = z.object({}).strict();
/** `?language=en`: the language the answer shows the message in (default ru). */
const LanguageQuery = z.object({ language: InboxLanguageSchema.optional() });

/** The caller's console messages: computed from the token's roles and scope, read state per user. */
@Controller('notifications/inbox')
export class NotificationInboxController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('inbox:read')
  @ApiContract({
    summary: 'Your console messages, newest first (filters: unread, type, districtCode; filter.language: en, ru, tg or ky to show them in, default ru)',
    response: InboxItemViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InboxItemView[]> {
    return listResponse(reply, 'notifications/inbox', query, (params) =>
      this.rpc.request(ListInboxQryV1, actor, parseInput(ListInboxQryV1.schema, listQueryFields(params)), { correlationId }),
    );
  }

  @Get('count')
  @RequirePermission('inbox:read')
  @ApiContract({ summary: 'Unread and total count of your console messages', response: InboxCountViewSchema })
  count(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<InboxCountView> {
    return this.rpc.request(CountInboxQryV1, actor, {}, { correlationId });
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission('inbox:read')
  @ApiContract({ summary: 'Mark all your console messages read', body: EmptyBody, response: MarkedSchema, successStatus: 200 })
  readAll(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<{ marked: number }> {
    parseInput(EmptyBody, body);
    return this.rpc.request(MarkAllInboxReadCmdV1, actor, {}, { correlationId });
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('inbox:read')
  @ApiContract({ summary: 'Mark one of your messages read (404 when it is not yours); ?language= as for the list', body: EmptyBody, response: InboxItemViewSchema, successStatus: 200 })
  read(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Query() query: unknown,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
  ): Promise<InboxItemView> {
    return this.mark(true, actor, params, query, body, correlationId);
  }

  @Post(':id/unread')
  @HttpCode(200)
  @RequirePermission('inbox:read')
  @ApiContract({ summary: 'Mark one of your messages unread (404 when it is not yours); ?language= as for the list', body: EmptyBody, response: InboxItemViewSchema, successStatus: 200 })
  unread(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Query() query: unknown,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
  ): Promise<InboxItemView> {
    return this.mark(false, actor, params, query, body, correlationId);
  }

  /** Both marks: the id is the caller's message (else 404), `?language=` picks the variant answered, no body. */
  private mark(read: boolean, actor: Actor, params: unknown, query: unknown, body: unknown, correlationId: string): Promise<InboxItemView> {
    const { id } = parseInput(IdParam, params);
    const { language } = parseInput(LanguageQuery, query);
    parseInput(EmptyBody, body);
    return this.rpc.request(MarkInboxItemCmdV1, actor, { id, read, language }, { correlationId });
  }
}
