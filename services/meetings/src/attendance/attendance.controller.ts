import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { GetAttendanceQryV1, RecordAttendanceCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { AttendanceService } from './attendance.service';

@Controller()
export class AttendanceController {
  constructor(
    private readonly orm: MikroORM,
    private readonly attendance: AttendanceService,
  ) {}

  @MessagePattern(RecordAttendanceCmdV1.name)
  @CreateRequestContext()
  record(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof RecordAttendanceCmdV1>> {
    const { actor, data } = parseRequest(RecordAttendanceCmdV1, raw);
    return this.attendance.record(actor, data.meetingId, data.attendance, correlationIdOf(context));
  }

  @MessagePattern(GetAttendanceQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetAttendanceQryV1>> {
    const { actor, data } = parseRequest(GetAttendanceQryV1, raw);
    return this.attendance.get(actor, data.meetingId);
  }
}
