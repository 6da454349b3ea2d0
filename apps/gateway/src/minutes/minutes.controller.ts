import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  ApproveMinutesCmdV1,
  GetMinutesQryV1,
  ListMinutesVersionsQryV1,
  MINUTES_VERSIONS_DEFAULT_PAGE,
  MINUTES_VERSIONS_MAX_PAGE,
  MinutesVersionViewSchema,
  MinutesViewSchema,
  SaveMinutesCmdV1,
  SaveMinutesInputSchema,
  type Actor,
  type MinutesVersionView,
  type MinutesView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });
const ApproveBodySchema = z.object({ expectedVersion: z.number().int().min(1).optional().describe('The version you reviewed; 409 when it is no longer current') }).strict();

@Controller('meetings/:id/minutes')
export class MinutesController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('minutes:read')
  @ApiContract({ summary: 'The minutes of a meeting in scope (status none before the first draft), with the generated concern section (public text, counts otherwise)', response: MinutesViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<MinutesView> {
    const { id } = parseInput(MeetingIdParam, params);
    return this.rpc.request(GetMinutesQryV1, actor, { meetingId: id }, { correlationId });
  }

  @Put()
  @RequirePermission('minutes:draft')
  @ApiContract({
    summary: 'Save a new draft version of the minutes of a held meeting (markdown, at most 100 KB); 409 once approved, 400 when it contains a confidential concern’s text',
    body: SaveMinutesInputSchema,
    response: MinutesViewSchema,
  })
  save(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MinutesView> {
    const { id } = parseInput(MeetingIdParam, params);
    const input = parseInput(SaveMinutesInputSchema, body);
    return this.rpc.request(SaveMinutesCmdV1, actor, { meetingId: id, input }, { correlationId });
  }

  @Get('versions')
  @RequirePermission('minutes:read')
  @ApiContract({
    summary:
      `A page of the saved draft versions of the minutes, newest first (range=[first,last], at most ${MINUTES_VERSIONS_MAX_PAGE}, ` +
      `${MINUTES_VERSIONS_DEFAULT_PAGE} without range). Content-Range tells which versions came: fewer than asked when their ` +
      'bodies are large; ask again from the next one',
    response: MinutesVersionViewSchema,
    list: true,
  })
  async versions(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MinutesVersionView[]> {
    const { id } = parseInput(MeetingIdParam, params);
    return listResponse(reply, 'minutes-versions', { range: query.range }, ({ offset, limit }) => {
      const data = { meetingId: id, offset, limit: query.range === undefined ? MINUTES_VERSIONS_DEFAULT_PAGE : Math.min(limit, MINUTES_VERSIONS_MAX_PAGE) };
      return this.rpc.request(ListMinutesVersionsQryV1, actor, data, { correlationId });
    });
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('minutes:approve')
  @ApiContract({ summary: 'Approve the current draft: the minutes are locked and distributed to local government and police', body: ApproveBodySchema, response: MinutesViewSchema })
  approve(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MinutesView> {
    const { id } = parseInput(MeetingIdParam, params);
    const { expectedVersion } = parseInput(ApproveBodySchema, body ?? {});
    return this.rpc.request(ApproveMinutesCmdV1, actor, { meetingId: id, expectedVersion }, { correlationId });
  }
}
