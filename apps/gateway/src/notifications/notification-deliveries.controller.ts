import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { DeliveryViewSchema, GetDeliveryQryV1, ListDeliveriesQryV1, ResendDeliveryCmdV1, type Actor, type DeliveryView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a delivery id') });
const EmptyBody = z.object({}).strict();

/** The delivery log of districts in scope, and resending. */
@Controller('notifications/deliveries')
export class NotificationDeliveriesController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('delivery:read')
  @ApiContract({
    summary: 'Notification delivery log in your scope, newest first (filters: status, channel, type, districtCode, meetingId, recipientId, languageFallback, from, to)',
    response: DeliveryViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeliveryView[]> {
    return listResponse(reply, 'notifications/deliveries', query, (params) =>
      this.rpc.request(ListDeliveriesQryV1, actor, parseInput(ListDeliveriesQryV1.schema, listQueryFields(params)), { correlationId }),
    );
  }

  @Get(':id')
  @RequirePermission('delivery:read')
  @ApiContract({ summary: 'One delivery in your scope (404 otherwise)', response: DeliveryViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetDeliveryQryV1, actor, { id }, { correlationId });
  }

  @Post(':id/resend')
  @HttpCode(201)
  @RequirePermission('delivery:resend')
  @ApiContract({
    summary: 'Send a delivery again: a new queued delivery to the current address, language and consent (409 for console messages)',
    body: EmptyBody,
    response: DeliveryViewSchema,
    successStatus: 201,
  })
  resend(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const { id } = parseInput(IdParam, params);
    parseInput(EmptyBody, body);
    return this.rpc.request(ResendDeliveryCmdV1, actor, { id }, { correlationId });
  }
}
