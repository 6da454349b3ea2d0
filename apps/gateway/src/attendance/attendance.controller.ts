import { Body, Controller, Get, Inject, Param, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  AttendanceInputSchema,
  AttendanceViewSchema,
  GetAttendanceQryV1,
  RecordAttendanceCmdV1,
  SignInSheetViewSchema,
  type Actor,
  type AttendanceView,
  type SignInSheetView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { SIGN_IN_SHEET_UPLOAD_TYPES } from './sign-in-sheet-body';
import { downloadStoredFile, uploadStoredFile } from './stored-file';

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

  @Put('meetings/:id/attendance/sign-in-sheet')
  @RequirePermission('meeting:hold')
  @ApiContract({
    summary: 'Attach (or replace) the scan or photo of the paper sign-in sheet of a held meeting: JPEG, PNG or PDF by its magic bytes, at most 5 MiB (413, 415 otherwise)',
    upload: SIGN_IN_SHEET_UPLOAD_TYPES,
    response: SignInSheetViewSchema,
  })
  uploadSheet(@CurrentActor() actor: Actor, @Param() params: unknown, @Req() request: FastifyRequest, @CorrelationId() correlationId: string): Promise<SignInSheetView> {
    const { id } = parseInput(MeetingIdParam, params);
    return uploadStoredFile(this.rpc, actor, id, 'sign-in-sheet', request, correlationId);
  }

  @Get('meetings/:id/attendance/sign-in-sheet')
  @RequirePermission('meeting:read')
  @ApiContract({
    summary: 'Download the sign-in sheet of a meeting in scope (its own type: JPEG, PNG or PDF); every download is audited; 404 when none',
    produces: 'application/octet-stream',
  })
  downloadSheet(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Req() request: FastifyRequest,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { id } = parseInput(MeetingIdParam, params);
    return downloadStoredFile(this.rpc, actor, id, 'sign-in-sheet', request, reply, correlationId);
  }
}
