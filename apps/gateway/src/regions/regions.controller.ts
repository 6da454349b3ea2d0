import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateRegionCmdV1,
  CreateRegionInputSchema,
  GeoCodeSchema,
  GetRegionQryV1,
  ListRegionsQryV1,
  RegionViewSchema,
  UpdateRegionCmdV1,
  UpdateRegionInputSchema,
  type Actor,
  type RegionView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { codeListPage, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const CodeParam = z.object({ code: GeoCodeSchema });
// react-admin needs an `id`; a region's id is its code.
const withId = (region: RegionView) => ({ id: region.code, ...region });
const RegionResponse = RegionViewSchema.extend({ id: z.string().describe('Same as code') });

@Controller('regions')
export class RegionsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('geography:read')
  @ApiContract({ summary: 'Regions (reference data, names in every language; filters: countryCode, q)', response: RegionResponse, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(RegionView & { id: string })[]> {
    const items = await listResponse(reply, 'regions', query, ({ filter }) =>
      codeListPage(filter, (rest) => this.rpc.request(ListRegionsQryV1, actor, parseInput(ListRegionsQryV1.schema, rest), { correlationId })),
    );
    return items.map(withId);
  }

  @Get(':code')
  @RequirePermission('geography:read')
  @ApiContract({ summary: 'One region', response: RegionResponse })
  async get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<RegionView & { id: string }> {
    const { code } = parseInput(CodeParam, params);
    return withId(await this.rpc.request(GetRegionQryV1, actor, { code }, { correlationId }));
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('geography:manage')
  @ApiContract({ summary: 'Add a region (national coordinator)', body: CreateRegionInputSchema, response: RegionResponse })
  async create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<RegionView & { id: string }> {
    const input = parseInput(CreateRegionInputSchema, body);
    return withId(await this.rpc.request(CreateRegionCmdV1, actor, input, { correlationId }));
  }

  @Patch(':code')
  @RequirePermission('geography:manage')
  @ApiContract({ summary: 'Rename or locate a region (national coordinator)', body: UpdateRegionInputSchema, response: RegionResponse })
  async update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<RegionView & { id: string }> {
    const { code } = parseInput(CodeParam, params);
    const patch = parseInput(UpdateRegionInputSchema, body);
    return withId(await this.rpc.request(UpdateRegionCmdV1, actor, { code, patch }, { correlationId }));
  }
}
