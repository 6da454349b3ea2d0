import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateMeetingCmdV1,
  CreateMeetingInputSchema,
  GetMeetingQryV1,
  ListMeetingsQryV1,
  MeetingViewSchema,
  TransitionMeetingCmdV1,
  TransitionMeetingInputSchema,
  UpdateMeetingCmdV1,
  UpdateMeetingInputSchema,
  type Actor,
  type MeetingView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a meeting id') });

@Controller('meetings')
export class MeetingsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('meeting:read')
  @ApiContract({
    summary: 'Meetings in your scope (filters: districtCode, communityId, status, quarter, from, to, recordedAfterwards, minutesAwaitingApproval — draft minutes you may approve)',
    response: MeetingViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingView[]> {
    return listResponse(reply, 'meetings', query, (params) =>
      this.rpc.request(ListMeetingsQryV1, actor, parseInput(ListMeetingsQryV1.schema, listQueryFields(params)), { correlationId }),
    );
  }

  @Get(':id')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'One meeting with its status history; start also in the district time zone', response: MeetingViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetMeetingQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary:
      'Plan a meeting (draft) for communities of a district in your scope; 403 outside it. With templateId (and templateVersion, ' +
      'default the latest of that family) the handbook agenda and checklist are copied. Invitees must be of the district or its region',
    body: CreateMeetingInputSchema,
    response: MeetingViewSchema,
  })
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    // Meetings looks up the district and what the meeting refers to, with this actor's scope (ADR 7).
    const input = parseInput(CreateMeetingInputSchema, body);
    return this.rpc.request(CreateMeetingCmdV1, actor, { input }, { correlationId });
  }

  @Patch(':id')
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary:
      'Change a draft, scheduled or postponed meeting (the date of an announced one moves by postponing); invitees must be ' +
      'contacts and organisations of its district (or its region); a change of an announced meeting emits meeting.updated',
    body: UpdateMeetingInputSchema,
    response: MeetingViewSchema,
  })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const { id } = parseInput(IdParam, params);
    const patch = parseInput(UpdateMeetingInputSchema, body);
    return this.rpc.request(UpdateMeetingCmdV1, actor, { id, patch }, { correlationId });
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary:
      'Schedule, postpone (newStartsAt, reason), cancel (reason), hold or close a meeting; 409 with the reason when not allowed. ' +
      'held and closed also need meeting:hold',
    body: TransitionMeetingInputSchema,
    response: MeetingViewSchema,
    successStatus: 200,
  })
  transition(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const { id } = parseInput(IdParam, params);
    const input = parseInput(TransitionMeetingInputSchema, body);
    return this.rpc.request(TransitionMeetingCmdV1, actor, { id, ...input }, { correlationId });
  }
}
