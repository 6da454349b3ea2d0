import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  AddAgendaItemCmdV1,
  ApplyTemplateCmdV1,
  AttachBriefingCmdV1,
  GetAgendaQryV1,
  MoveAgendaItemCmdV1,
  RemoveAgendaItemCmdV1,
  TickChecklistItemCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { AgendaService } from './agenda.service';

@Controller()
export class AgendaController {
  constructor(
    private readonly orm: MikroORM,
    private readonly agenda: AgendaService,
  ) {}

  @MessagePattern(GetAgendaQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetAgendaQryV1>> {
    const { actor, data } = parseRequest(GetAgendaQryV1, raw);
    return this.agenda.get(actor, data.meetingId);
  }

  @MessagePattern(ApplyTemplateCmdV1.name)
  @CreateRequestContext()
  applyTemplate(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ApplyTemplateCmdV1>> {
    const { actor, data } = parseRequest(ApplyTemplateCmdV1, raw);
    return this.agenda.applyTemplate(actor, data.meetingId, data.templateId, correlationIdOf(context));
  }

  @MessagePattern(TickChecklistItemCmdV1.name)
  @CreateRequestContext()
  tick(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof TickChecklistItemCmdV1>> {
    const { actor, data } = parseRequest(TickChecklistItemCmdV1, raw);
    return this.agenda.tick(actor, data.meetingId, data.itemId, correlationIdOf(context));
  }

  @MessagePattern(AttachBriefingCmdV1.name)
  @CreateRequestContext()
  attachBriefing(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof AttachBriefingCmdV1>> {
    const { actor, data } = parseRequest(AttachBriefingCmdV1, raw);
    return this.agenda.attachBriefing(actor, data.meetingId, data.itemId, data.briefingId, correlationIdOf(context));
  }

  @MessagePattern(AddAgendaItemCmdV1.name)
  @CreateRequestContext()
  addItem(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof AddAgendaItemCmdV1>> {
    const { actor, data } = parseRequest(AddAgendaItemCmdV1, raw);
    return this.agenda.addItem(actor, data.meetingId, data.item, correlationIdOf(context));
  }

  @MessagePattern(RemoveAgendaItemCmdV1.name)
  @CreateRequestContext()
  removeItem(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof RemoveAgendaItemCmdV1>> {
    const { actor, data } = parseRequest(RemoveAgendaItemCmdV1, raw);
    return this.agenda.removeItem(actor, data.meetingId, data.itemId, correlationIdOf(context));
  }

  @MessagePattern(MoveAgendaItemCmdV1.name)
  @CreateRequestContext()
  moveItem(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof MoveAgendaItemCmdV1>> {
    const { actor, data } = parseRequest(MoveAgendaItemCmdV1, raw);
    return this.agenda.moveItem(actor, data.meetingId, data.itemId, data.position, correlationIdOf(context));
  }
}
