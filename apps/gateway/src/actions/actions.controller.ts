import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  ActionViewSchema,
  AssignActionCmdV1,
  AssignActionInputSchema,
  GetConcernQryV1,
  ListActionsQryV1,
  TransitionActionCmdV1,
  TransitionActionInputSchema,
  type Actor,
  type ActionView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { actionOwnerErrors } from '../meetings/meeting-references';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be an id') });

@Controller()
export class ActionsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post('concerns/:id/actions')
  @HttpCode(201)
  @RequirePermission('action:manage')
  @ApiContract({
    summary:
      'Assign a follow-up action on a concern you may read (404 otherwise); the owner organisation must be one you can see of the ' +
      'meeting’s district or its region, the owner contact one of that organisation (400 on the field otherwise)',
    body: AssignActionInputSchema,
    response: ActionViewSchema,
  })
  async assign(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ActionView> {
    const { id } = parseInput(IdParam, params);
    const action = parseInput(AssignActionInputSchema, body);
    // The concern first: one the caller may not read stays a 404, whatever the owner. Its district and region are the
    // meeting's; the owner organisation is told of the action (and its topic) by notifications, so it must be of them.
    const concern = await this.rpc.request(GetConcernQryV1, actor, { id }, { correlationId });
    const errors = await actionOwnerErrors(this.rpc, actor, concern, action, correlationId);
    if (errors.length) throw new ProblemError('request.invalid', 'The request is invalid', errors);
    return this.rpc.request(AssignActionCmdV1, actor, { concernId: id, action }, { correlationId });
  }

  @Get('actions')
  @RequirePermission('action:read')
  @ApiContract({
    summary: 'Follow-up actions of concerns you may read (filters: status, overdue, ownerOrganisationId, districtCode, concernId, communityId, mine — owned by your linked contact or your organisation)',
    response: ActionViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActionView[]> {
    return listResponse(reply, 'actions', query, (params) =>
      this.rpc.request(ListActionsQryV1, actor, parseInput(ListActionsQryV1.schema, listQueryFields(params)), { correlationId }),
    );
  }

  @Post('actions/:id/transitions')
  @HttpCode(200)
  @RequirePermission('action:manage')
  @ApiContract({
    summary: 'Move an action on: in-progress, done (with a note), referred (with the agency) or dropped (with a reason)',
    body: TransitionActionInputSchema,
    response: ActionViewSchema,
  })
  transition(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ActionView> {
    const { id } = parseInput(IdParam, params);
    const transition = parseInput(TransitionActionInputSchema, body);
    return this.rpc.request(TransitionActionCmdV1, actor, { id, transition }, { correlationId });
  }
}
