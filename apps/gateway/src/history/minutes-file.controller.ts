import { Controller, Get, Inject, Param, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { SignInSheetViewSchema, type Actor, type SignInSheetView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SIGN_IN_SHEET_UPLOAD_TYPES } from '../attendance/sign-in-sheet-body';
import { downloadStoredFile, uploadStoredFile } from '../attendance/stored-file';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });

/** The minutes of a reporting day recorded afterwards, kept as the file of the time (ADR 35); stored like a sign-in sheet. */
@Controller('meetings/:id/minutes-file')
export class MinutesFileController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Put()
  @RequirePermission('history:record')
  @ApiContract({
    summary:
      'Attach (or replace) the minutes of a reporting day recorded afterwards as a file: JPEG, PNG or PDF by its magic bytes, at most 5 MiB (413, 415 otherwise); ' +
      '409 for a meeting not recorded afterwards',
    upload: SIGN_IN_SHEET_UPLOAD_TYPES,
    response: SignInSheetViewSchema,
  })
  upload(@CurrentActor() actor: Actor, @Param() params: unknown, @Req() request: FastifyRequest, @CorrelationId() correlationId: string): Promise<SignInSheetView> {
    const { id } = parseInput(MeetingIdParam, params);
    return uploadStoredFile(this.rpc, actor, id, 'minutes-file', request, correlationId);
  }

  @Get()
  @RequirePermission('minutes:read')
  @ApiContract({ summary: 'Download the minutes file of a reporting day recorded afterwards (its own type); every download is audited; 404 when none', produces: 'application/octet-stream' })
  download(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Req() request: FastifyRequest,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { id } = parseInput(MeetingIdParam, params);
    return downloadStoredFile(this.rpc, actor, id, 'minutes-file', request, reply, correlationId);
  }
}
