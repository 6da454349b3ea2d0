import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { AssignOfficerCmdV1, GetOfficerAssignmentQryV1, ListOfficerAssignmentsQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { OfficerAssignmentsService } from './officer-assignments.service';

@Controller()
export class OfficerAssignmentsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly assignments: OfficerAssignmentsService,
  ) {}

  @MessagePattern(AssignOfficerCmdV1.name)
  @CreateRequestContext()
  assign(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof AssignOfficerCmdV1>> {
    const { actor, data } = parseRequest(AssignOfficerCmdV1, raw);
    return this.assignments.assign(actor, data, correlationIdOf(context));
  }

  @MessagePattern(ListOfficerAssignmentsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListOfficerAssignmentsQryV1>> {
    const { actor, data } = parseRequest(ListOfficerAssignmentsQryV1, raw);
    return this.assignments.list(actor, data);
  }

  @MessagePattern(GetOfficerAssignmentQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetOfficerAssignmentQryV1>> {
    const { actor, data } = parseRequest(GetOfficerAssignmentQryV1, raw);
    return this.assignments.get(actor, data.id);
  }
}
