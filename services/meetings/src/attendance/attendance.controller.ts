import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { GetAttendanceQryV1, GetSignInSheetChunkQryV1, GetSignInSheetQryV1, RecordAttendanceCmdV1, UploadSignInSheetChunkCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { AttendanceService } from './attendance.service';
import { SignInSheetService } from './sign-in-sheet.service';

@Controller()
export class AttendanceController {
  constructor(
    private readonly orm: MikroORM,
    private readonly attendance: AttendanceService,
    private readonly sheets: SignInSheetService,
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

  @MessagePattern(UploadSignInSheetChunkCmdV1.name)
  @CreateRequestContext()
  uploadSheetChunk(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof UploadSignInSheetChunkCmdV1>> {
    const { actor, data } = parseRequest(UploadSignInSheetChunkCmdV1, raw);
    return this.sheets.uploadChunk(actor, data, correlationIdOf(context));
  }

  @MessagePattern(GetSignInSheetQryV1.name)
  @CreateRequestContext()
  getSheet(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof GetSignInSheetQryV1>> {
    const { actor, data } = parseRequest(GetSignInSheetQryV1, raw);
    return this.sheets.get(actor, data.meetingId, { correlationId: correlationIdOf(context), origin: data.origin }, data.document);
  }

  @MessagePattern(GetSignInSheetChunkQryV1.name)
  @CreateRequestContext()
  getSheetChunk(@Payload() raw: unknown): Promise<ReplyOf<typeof GetSignInSheetChunkQryV1>> {
    const { actor, data } = parseRequest(GetSignInSheetChunkQryV1, raw);
    return this.sheets.chunk(actor, data.meetingId, data.sha256, data.index, data.document);
  }
}
