import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateDistrictCmdV1,
  CreateDistrictInputSchema,
  DistrictViewSchema,
  GeoCodeSchema,
  GetDistrictQryV1,
  ListDistrictsQryV1,
  UpdateDistrictCmdV1,
  UpdateDistrictInputSchema,
  type Actor,
  type DistrictView,
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
// react-admin needs an `id`; a district's id is its code.
const withId = (district: DistrictView) => ({ id: district.code, ...district });
const DistrictResponse = DistrictViewSchema.extend({ id: z.string().describe('Same as code') });

@Controller('districts')
export class DistrictsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('geography:read')
  @ApiContract({ summary: 'Districts in your scope, names in every language (filters: regionCode, q)', response: DistrictResponse, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(DistrictView & { id: string })[]> {
    const items = await listResponse(reply, 'districts', query, ({ filter }) =>
      codeListPage(filter, (rest) => this.rpc.request(ListDistrictsQryV1, actor, parseInput(ListDistrictsQryV1.schema, rest), { correlationId })),
    );
    return items.map(withId);
  }

  @Get(':code')
  @RequirePermission('geography:read')
  @ApiContract({ summary: 'One district in your scope', response: DistrictResponse })
  async get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<DistrictView & { id: string }> {
    const { code } = parseInput(CodeParam, params);
    return withId(await this.rpc.request(GetDistrictQryV1, actor, { code }, { correlationId }));
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('geography:manage')
  @ApiContract({ summary: 'Add a district to a region (national coordinator)', body: CreateDistrictInputSchema, response: DistrictResponse })
  async create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<DistrictView & { id: string }> {
    const input = parseInput(CreateDistrictInputSchema, body);
    return withId(await this.rpc.request(CreateDistrictCmdV1, actor, input, { correlationId }));
  }

  @Patch(':code')
  @RequirePermission('geography:manage')
  @ApiContract({ summary: 'Rename, relocate or change the time zone of a district (national coordinator)', body: UpdateDistrictInputSchema, response: DistrictResponse })
  async update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<DistrictView & { id: string }> {
    const { code } = parseInput(CodeParam, params);
    const patch = parseInput(UpdateDistrictInputSchema, body);
    return withId(await this.rpc.request(UpdateDistrictCmdV1, actor, { code, patch }, { correlationId }));
  }
}
