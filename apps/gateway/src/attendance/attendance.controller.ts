import { Body, Controller, Get, Inject, Param, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  AttendanceInputSchema,
  AttendanceViewSchema,
  GetAttendanceQryV1,
  GetSignInSheetChunkQryV1,
  GetSignInSheetQryV1,
  RecordAttendanceCmdV1,
  SIGN_IN_SHEET_CHUNK_BYTES,
  SIGN_IN_SHEET_MEDIA_TYPES,
  SignInSheetViewSchema,
  UploadSignInSheetChunkCmdV1,
  type Actor,
  type AttendanceView,
  type SignInSheetView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { SIGN_IN_SHEET_UPLOAD_TYPES, signInSheetBodyType } from './sign-in-sheet-body';

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });
const EXTENSION: Record<(typeof SIGN_IN_SHEET_MEDIA_TYPES)[number], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

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

  /**
   * The file travels to meetings in chunks of 512 KiB (NATS carries at most 1 MiB per message); the last chunk carries
   * size, SHA-256 and type, and meetings stores the joined file in one transaction only when all three match.
   */
  @Put('meetings/:id/attendance/sign-in-sheet')
  @RequirePermission('meeting:hold')
  @ApiContract({
    summary: 'Attach (or replace) the scan or photo of the paper sign-in sheet of a held meeting: JPEG, PNG or PDF by its magic bytes, at most 5 MiB (413, 415 otherwise)',
    upload: SIGN_IN_SHEET_UPLOAD_TYPES,
    response: SignInSheetViewSchema,
  })
  async uploadSheet(@CurrentActor() actor: Actor, @Param() params: unknown, @Req() request: FastifyRequest, @CorrelationId() correlationId: string): Promise<SignInSheetView> {
    const { id } = parseInput(MeetingIdParam, params);
    const { file, mediaType } = signInSheetBodyType(request);
    const uploadId = randomUUID();
    const chunks = Math.ceil(file.length / SIGN_IN_SHEET_CHUNK_BYTES);
    const sha256 = createHash('sha256').update(file).digest('hex');
    let sheet: SignInSheetView | null = null;
    for (let index = 0; index < chunks; index += 1) {
      const data = file.subarray(index * SIGN_IN_SHEET_CHUNK_BYTES, (index + 1) * SIGN_IN_SHEET_CHUNK_BYTES).toString('base64');
      const last = index === chunks - 1;
      const reply = await this.rpc.request(
        UploadSignInSheetChunkCmdV1,
        actor,
        { meetingId: id, uploadId, index, chunks, data, ...(last ? { complete: { sizeBytes: file.length, sha256, mediaType } } : {}) },
        { correlationId },
      );
      sheet = reply.sheet;
    }
    if (!sheet) throw new Error('the last chunk was answered without the stored sheet');
    return sheet;
  }

  @Get('meetings/:id/attendance/sign-in-sheet')
  @RequirePermission('meeting:read')
  @ApiContract({
    summary: 'Download the sign-in sheet of a meeting in scope (its own type: JPEG, PNG or PDF); every download is audited; 404 when none',
    produces: 'application/octet-stream',
  })
  async downloadSheet(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Req() request: FastifyRequest,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { id } = parseInput(MeetingIdParam, params);
    const origin = { clientAddress: request.ip.slice(0, 64), method: 'GET', path: request.url.split('?')[0].slice(0, 300) };
    const sheet = await this.rpc.request(GetSignInSheetQryV1, actor, { meetingId: id, origin }, { correlationId });
    const rpc = this.rpc;
    // Chunk by chunk, so the gateway never holds more than one chunk of a download; a sheet replaced meanwhile
    // (CONFLICT) or a checksum mismatch aborts the response rather than sending a mixed file.
    async function* chunks(): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      for (let index = 0; index < sheet.chunks; index += 1) {
        const chunk = await rpc.request(GetSignInSheetChunkQryV1, actor, { meetingId: id, sha256: sheet.sha256, index }, { correlationId });
        const bytes = Buffer.from(chunk.data, 'base64');
        hash.update(bytes);
        yield bytes;
      }
      if (hash.digest('hex') !== sheet.sha256) throw new Error('sign-in sheet checksum mismatch');
    }
    void reply
      .header('Content-Length', String(sheet.sizeBytes))
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', `attachment; filename="sign-in-sheet-${id}.${EXTENSION[sheet.mediaType]}"`);
    return new StreamableFile(Readable.from(chunks()), { type: sheet.mediaType, length: sheet.sizeBytes });
  }
}
