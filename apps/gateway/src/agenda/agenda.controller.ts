import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  AddAgendaItemCmdV1,
  AddAgendaItemInputSchema,
  ApplyTemplateCmdV1,
  ApplyTemplateInputSchema,
  AttachBriefingCmdV1,
  AttachBriefingInputSchema,
  GetAgendaQryV1,
  MeetingAgendaViewSchema,
  MoveAgendaItemCmdV1,
  MoveAgendaItemInputSchema,
  RemoveAgendaItemCmdV1,
  TickChecklistItemCmdV1,
  type Actor,
  type MeetingAgendaView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a meeting id') });
// Ticking takes no input; an empty object documents that.
const NoBody = z.object({}).strict().describe('No body');
const ItemParams = z.object({ id: z.string().uuid('must be a meeting id'), itemId: z.string().uuid('must be an item id') });

@Controller('meetings')
export class AgendaController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get(':id/agenda')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: "A meeting's agenda and preparation checklist (due dates and overdue in UTC)", response: MeetingAgendaViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetAgendaQryV1, actor, { meetingId: id }, { correlationId });
  }

  @Post(':id/apply-template')
  @HttpCode(200)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary: 'Copy a template version onto a draft, scheduled or postponed meeting (replaces its agenda and checklist)',
    body: ApplyTemplateInputSchema,
    response: MeetingAgendaViewSchema,
  })
  applyTemplate(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id } = parseInput(IdParam, params);
    const { templateId } = parseInput(ApplyTemplateInputSchema, body);
    return this.rpc.request(ApplyTemplateCmdV1, actor, { meetingId: id, templateId }, { correlationId });
  }

  @Post(':id/checklist/:itemId/tick')
  @HttpCode(200)
  @RequirePermission('meeting:plan')
  @ApiContract({ summary: 'Tick a checklist item of a meeting (idempotent)', body: NoBody, response: MeetingAgendaViewSchema })
  tick(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id, itemId } = parseInput(ItemParams, params);
    return this.rpc.request(TickChecklistItemCmdV1, actor, { meetingId: id, itemId }, { correlationId });
  }

  @Post(':id/agenda/items/:itemId/briefing')
  @HttpCode(200)
  @RequirePermission('meeting:plan')
  @ApiContract({ summary: 'Present a legal briefing version under a legal-information agenda item', body: AttachBriefingInputSchema, response: MeetingAgendaViewSchema })
  attachBriefing(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id, itemId } = parseInput(ItemParams, params);
    const { briefingId } = parseInput(AttachBriefingInputSchema, body);
    return this.rpc.request(AttachBriefingCmdV1, actor, { meetingId: id, itemId, briefingId }, { correlationId });
  }

  @Post(':id/agenda/items')
  @HttpCode(201)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary: 'Add an item to the agenda of a draft, scheduled or postponed meeting (default: at the end); 409 once held, closed or cancelled',
    body: AddAgendaItemInputSchema,
    response: MeetingAgendaViewSchema,
  })
  addItem(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id } = parseInput(IdParam, params);
    const item = parseInput(AddAgendaItemInputSchema, body);
    return this.rpc.request(AddAgendaItemCmdV1, actor, { meetingId: id, item }, { correlationId });
  }

  @Delete(':id/agenda/items/:itemId')
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary: 'Remove an item (and the briefing it presents) from the agenda of a meeting not yet held; the others close up',
    response: MeetingAgendaViewSchema,
  })
  removeItem(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id, itemId } = parseInput(ItemParams, params);
    return this.rpc.request(RemoveAgendaItemCmdV1, actor, { meetingId: id, itemId }, { correlationId });
  }

  @Post(':id/agenda/items/:itemId/move')
  @HttpCode(200)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary: 'Move an agenda item of a meeting not yet held to another position (1 = first)',
    body: MoveAgendaItemInputSchema,
    response: MeetingAgendaViewSchema,
  })
  moveItem(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingAgendaView> {
    const { id, itemId } = parseInput(ItemParams, params);
    const { position } = parseInput(MoveAgendaItemInputSchema, body);
    return this.rpc.request(MoveAgendaItemCmdV1, actor, { meetingId: id, itemId, position }, { correlationId });
  }
}
