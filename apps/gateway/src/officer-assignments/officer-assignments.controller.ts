import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  AssignOfficerCmdV1,
  AssignOfficerInputSchema,
  GetOfficerAssignmentQryV1,
  ListOfficerAssignmentsQryV1,
  OfficerAssignmentViewSchema,
  type Actor,
  type OfficerAssignmentView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be an assignment id') });

/** The officer roster: who serves which community since when. */
@Controller('officer-assignments')
export class OfficerAssignmentsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('community:read')
  @ApiContract({ summary: 'Officer roster in your scope (filters: communityId, officerContactId, current)', response: OfficerAssignmentViewSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OfficerAssignmentView[]> {
    return listResponse(reply, 'officer-assignments', query, ({ offset, limit, sort, order, filter }) => {
      const data = parseInput(ListOfficerAssignmentsQryV1.schema, {
        offset,
        limit,
        sort: sort === 'id' || sort === undefined ? 'since' : sort,
        order: order ?? 'DESC',
        ...filter,
      });
      return this.rpc.request(ListOfficerAssignmentsQryV1, actor, data, { correlationId });
    });
  }

  @Get(':id')
  @RequirePermission('community:read')
  @ApiContract({ summary: 'One roster row', response: OfficerAssignmentViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<OfficerAssignmentView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetOfficerAssignmentQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('officer:assign')
  @ApiContract({ summary: 'Assign the community police officer (closes the current assignment; emits officer.assigned)', body: AssignOfficerInputSchema, response: OfficerAssignmentViewSchema })
  assign(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<OfficerAssignmentView> {
    const input = parseInput(AssignOfficerInputSchema, body);
    return this.rpc.request(AssignOfficerCmdV1, actor, input, { correlationId });
  }
}
