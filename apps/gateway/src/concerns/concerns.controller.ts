import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  ConcernRegisterRowSchema,
  ConcernReplySchema,
  ConcernViewSchema,
  GetConcernQryV1,
  ListConcernRegisterQryV1,
  ListConcernsQryV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  UpdateConcernCmdV1,
  UpdateConcernInputSchema,
  type Actor,
  type ConcernRegisterRow,
  type ConcernReply,
  type ConcernView,
  type HiddenConcernCounts,
  type RequestOrigin,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a concern id') });
const MeetingIdParam = z.object({ meetingId: z.string().uuid('must be a meeting id') });

/** Header with the counts per sensitivity of the concerns the caller may not read (never their text). */
export const HIDDEN_CONCERNS_HEADER = 'X-Hidden-Concerns';

/** The request coordinates the meetings service puts in the audit record of a confidential read. */
function originOf(request: FastifyRequest): RequestOrigin {
  return { clientAddress: request.ip.slice(0, 64), method: request.method.toUpperCase(), path: request.url.split('?')[0].slice(0, 300) };
}

/** Puts a list's counts of withheld concerns in X-Hidden-Concerns; the page goes on to Content-Range. */
function withHiddenCounts<P extends { hidden: HiddenConcernCounts }>(reply: FastifyReply, page: P): P {
  void reply.header(HIDDEN_CONCERNS_HEADER, JSON.stringify(page.hidden));
  return page;
}

@Controller()
export class ConcernsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get('meetings/:meetingId/concerns')
  @RequirePermission('concern:read')
  @ApiContract({
    summary: `Concerns of a meeting that you may read (filters: topic, sensitivity); the others are counted per sensitivity in ${HIDDEN_CONCERNS_HEADER}`,
    response: ConcernViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConcernView[]> {
    const { meetingId } = parseInput(MeetingIdParam, params);
    return listResponse(reply, 'concerns', query, async (params) => {
      const data = parseInput(ListConcernsQryV1.schema, { ...listQueryFields(params), meetingId, origin: originOf(request) });
      return withHiddenCounts(reply, await this.rpc.request(ListConcernsQryV1, actor, data, { correlationId }));
    });
  }

  @Get('concerns')
  @RequirePermission('concern:read')
  @ApiContract({
    summary:
      'The concerns register: concerns across the meetings in your scope that you may read, each with its meeting (filters: districtCode, ' +
      'communityId, topic, sensitivity, status open|resolved, minAgeDays, maxAgeDays — age from the meeting). The others matching the place, ' +
      `topic, sensitivity and age filters are counted per sensitivity in ${HIDDEN_CONCERNS_HEADER}, never shown; reading a confidential one is audited`,
    response: ConcernRegisterRowSchema,
    list: true,
  })
  async register(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConcernRegisterRow[]> {
    return listResponse(reply, 'concerns', query, async (params) => {
      const data = parseInput(ListConcernRegisterQryV1.schema, { ...listQueryFields(params), origin: originOf(request) });
      return withHiddenCounts(reply, await this.rpc.request(ListConcernRegisterQryV1, actor, data, { correlationId }));
    });
  }

  @Post('meetings/:meetingId/concerns')
  @HttpCode(201)
  @RequirePermission('concern:record')
  @ApiContract({
    summary: 'Record a concern raised at a meeting; a confidential one names its handlers (user ids). A recorder who may not read it gets a receipt',
    body: RecordConcernInputSchema,
    response: ConcernReplySchema,
  })
  record(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ConcernReply> {
    const { meetingId } = parseInput(MeetingIdParam, params);
    const concern = parseInput(RecordConcernInputSchema, body);
    return this.rpc.request(RecordConcernCmdV1, actor, { meetingId, concern }, { correlationId });
  }

  @Get('concerns/:id')
  @RequirePermission('concern:read')
  @ApiContract({ summary: 'One concern you may read (404 otherwise); reading a confidential one is audited', response: ConcernViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string, @Req() request: FastifyRequest): Promise<ConcernView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetConcernQryV1, actor, { id, origin: originOf(request) }, { correlationId });
  }

  @Patch('concerns/:id')
  @RequirePermission('concern:record')
  @ApiContract({
    summary: 'Change a concern you may read; sensitivity goes up freely, down only by a handler or the coordinator (403 otherwise)',
    body: UpdateConcernInputSchema,
    response: ConcernReplySchema,
  })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ConcernReply> {
    const { id } = parseInput(IdParam, params);
    const patch = parseInput(UpdateConcernInputSchema, body);
    return this.rpc.request(UpdateConcernCmdV1, actor, { id, patch }, { correlationId });
  }
}
