import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateOrganisationCmdV1,
  CreateOrganisationInputSchema,
  DeleteOrganisationCmdV1,
  GetOrganisationQryV1,
  ListOrganisationsQryV1,
  OrganisationViewSchema,
  UpdateOrganisationCmdV1,
  UpdateOrganisationInputSchema,
  type Actor,
  type OrganisationView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be an organisation id') });

@Controller('organisations')
export class OrganisationsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('organisation:read')
  @ApiContract({ summary: 'Organisations in your scope (filters: kind, districtCode, regionCode, meetingDistrict — the district’s and region-level ones of its region, q, id[])', response: OrganisationViewSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganisationView[]> {
    return listResponse(reply, 'organisations', query, (params) => {
      const { id, ...rest } = params.filter as { id?: unknown };
      const data = parseInput(ListOrganisationsQryV1.schema, { ...listQueryFields({ ...params, filter: rest }), ids: id });
      return this.rpc.request(ListOrganisationsQryV1, actor, data, { correlationId });
    });
  }

  @Get(':id')
  @RequirePermission('organisation:read')
  @ApiContract({ summary: 'One organisation', response: OrganisationViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<OrganisationView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetOrganisationQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('organisation:manage')
  @ApiContract({ summary: 'Add an organisation in a district or region of your scope', body: CreateOrganisationInputSchema, response: OrganisationViewSchema })
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<OrganisationView> {
    const input = parseInput(CreateOrganisationInputSchema, body);
    return this.rpc.request(CreateOrganisationCmdV1, actor, input, { correlationId });
  }

  @Patch(':id')
  @RequirePermission('organisation:manage')
  @ApiContract({ summary: 'Rename or re-classify an organisation', body: UpdateOrganisationInputSchema, response: OrganisationViewSchema })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<OrganisationView> {
    const { id } = parseInput(IdParam, params);
    const patch = parseInput(UpdateOrganisationInputSchema, body);
    return this.rpc.request(UpdateOrganisationCmdV1, actor, { id, patch }, { correlationId });
  }

  @Delete(':id')
  @RequirePermission('organisation:manage')
  @ApiContract({ summary: 'Remove an organisation; 409 while contacts or communities refer to it', response: z.object({ id: z.string().uuid() }) })
  remove(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<{ id: string }> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(DeleteOrganisationCmdV1, actor, { id }, { correlationId });
  }
}
