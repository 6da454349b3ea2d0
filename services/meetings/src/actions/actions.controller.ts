import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { AssignActionCmdV1, ListActionsQryV1, TransitionActionCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../concerns/concerns.controller';
import { ActionsService } from './actions.service';

@Controller()
export class ActionsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly actions: ActionsService,
  ) {}

  @MessagePattern(AssignActionCmdV1.name)
  @CreateRequestContext()
  assign(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof AssignActionCmdV1>> {
    const { actor, data } = parseRequest(AssignActionCmdV1, raw);
    return this.actions.assign(actor, data.concernId, data.action, correlationIdOf(context));
  }

  @MessagePattern(ListActionsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ListActionsQryV1>> {
    const { actor, data } = parseRequest(ListActionsQryV1, raw);
    return this.actions.list(actor, data, correlationIdOf(context));
  }

  @MessagePattern(TransitionActionCmdV1.name)
  @CreateRequestContext()
  transition(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof TransitionActionCmdV1>> {
    const { actor, data } = parseRequest(TransitionActionCmdV1, raw);
    return this.actions.transition(actor, data.id, data.transition, correlationIdOf(context));
  }
}
