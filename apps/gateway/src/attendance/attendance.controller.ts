import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { AttendanceInputSchema, AttendanceViewSchema, GetAttendanceQryV1, RecordAttendanceCmdV1, type Actor, type AttendanceView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });

@Controller()
export class AttendanceController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Put('meetings/:id/attendance')
  @RequirePermission('meeting:hold')
  @ApiContract({
    summary: 'Record or correct the attendance of a held meeting: counts by gender × age group, per community (regional), officials and new staff; no names',
    body: AttendanceInputSchema,
    response: AttendanceViewSchema,
  })
  record(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<AttendanceView> {
    const { id } = parseInput(MeetingIdParam, params);
    const attendance = parseInput(AttendanceInputSchema, body);
    return this.rpc.request(RecordAttendanceCmdV1, actor, { meetingId: id, attendance }, { correlationId });
  }

  @Get('meetings/:id/attendance')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'The attendance of a meeting in scope (404 until recorded)', response: AttendanceViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<AttendanceView> {
    const { id } = parseInput(MeetingIdParam, params);
    return this.rpc.request(GetAttendanceQryV1, actor, { meetingId: id }, { correlationId });
  }
}
