import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateCommunityCmdV1,
  CommunityViewSchema,
  CreateCommunityInputSchema,
  GetCommunityQryV1,
  ListCommunitiesQryV1,
  TransitionCommunityCmdV1,
  TransitionCommunityInputSchema,
  UpdateCommunityCmdV1,
  UpdateCommunityInputSchema,
  type Actor,
  type CommunityView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { ApiContract } from '../openapi/api-contract.decorator';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a community id') });

@Controller('communities')
export class CommunitiesController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('community:read')
  @ApiContract({ summary: 'Communities in your scope (filters: districtCode, status, q)', response: CommunityViewSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommunityView[]> {
    return listResponse(reply, 'communities', query, (params) =>
      this.rpc.request(ListCommunitiesQryV1, actor, parseInput(ListCommunitiesQryV1.schema, listQueryFields(params)), { correlationId }),
    );
  }

  @Get(':id')
  @RequirePermission('community:read')
  @ApiContract({ summary: 'One community', response: CommunityViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<CommunityView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetCommunityQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('community:create')
  @ApiContract({ summary: 'Propose a community in a district of your scope', body: CreateCommunityInputSchema, response: CommunityViewSchema })
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<CommunityView> {
    const input = parseInput(CreateCommunityInputSchema, body);
    return this.rpc.request(CreateCommunityCmdV1, actor, input, { correlationId });
  }

  @Patch(':id')
  @RequirePermission('community:update')
  @ApiContract({ summary: 'Change a community in scope, field by field (null clears a field)', body: UpdateCommunityInputSchema, response: CommunityViewSchema })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<CommunityView> {
    const { id } = parseInput(IdParam, params);
    const patch = parseInput(UpdateCommunityInputSchema, body);
    return this.rpc.request(UpdateCommunityCmdV1, actor, { id, patch }, { correlationId });
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('community:transition')
  @ApiContract({
    summary:
      'Move a community through onboarding, effective today or on an earlier day (effectiveOn: 422 when after today or before the previous change); ' +
      '409 with the reason and missing checklist items when not allowed',
    body: TransitionCommunityInputSchema,
    response: CommunityViewSchema,
    successStatus: 200,
  })
  transition(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<CommunityView> {
    const { id } = parseInput(IdParam, params);
    const input = parseInput(TransitionCommunityInputSchema, body);
    return this.rpc.request(TransitionCommunityCmdV1, actor, { id, ...input }, { correlationId });
  }
}
