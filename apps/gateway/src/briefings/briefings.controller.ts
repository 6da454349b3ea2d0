import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  BriefingDeliverySchema,
  BriefingInputSchema,
  BriefingViewSchema,
  CreateBriefingCmdV1,
  GetBriefingQryV1,
  ListBriefingDeliveriesQryV1,
  ListBriefingsQryV1,
  type Actor,
  type BriefingDelivery,
  type BriefingView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a briefing id') });

@Controller('briefings')
export class BriefingsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'The legal briefing library, every version (en/ru/tg/ky)', response: BriefingViewSchema, list: true })
  async list(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<BriefingView[]> {
    return listResponse(reply, 'briefings', {}, () => this.rpc.request(ListBriefingsQryV1, actor, {}, { correlationId }));
  }

  @Get(':id')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'One briefing version', response: BriefingViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<BriefingView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetBriefingQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('briefing:manage')
  @ApiContract({ summary: 'Publish a new legal briefing (version 1)', body: BriefingInputSchema, response: BriefingViewSchema })
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<BriefingView> {
    const briefing = parseInput(BriefingInputSchema, body);
    return this.rpc.request(CreateBriefingCmdV1, actor, { briefing }, { correlationId });
  }

  @Post(':id/versions')
  @HttpCode(201)
  @RequirePermission('briefing:manage')
  @ApiContract({ summary: 'Publish the next version of a briefing; earlier versions stay as they were', body: BriefingInputSchema, response: BriefingViewSchema })
  newVersion(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<BriefingView> {
    const { id } = parseInput(IdParam, params);
    const briefing = parseInput(BriefingInputSchema, body);
    return this.rpc.request(CreateBriefingCmdV1, actor, { briefing, previousId: id }, { correlationId });
  }

  @Get(':id/deliveries')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'Held meetings in your scope that presented this briefing version: communities and dates', response: BriefingDeliverySchema, list: true })
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BriefingDelivery[]> {
    const { id } = parseInput(IdParam, params);
    return listResponse(reply, 'deliveries', {}, () => this.rpc.request(ListBriefingDeliveriesQryV1, actor, { id }, { correlationId }));
  }
}
