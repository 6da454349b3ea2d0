import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { actorHasPermission, narrowActor } from '@rd/auth-core';
import { CurrentActor, Public, RequirePermission } from '@rd/auth-nest';
import {
  CALENDAR_FEED_TOKEN_PATTERN,
  CalendarFeedViewSchema,
  CreateCalendarFeedCmdV1,
  CreatedCalendarFeedSchema,
  GetCalendarFeedQryV1,
  ListMeetingsQryV1,
  ResolveCalendarFeedQryV1,
  RevokeCalendarFeedCmdV1,
  type Actor,
  type CalendarFeedView,
  type CreatedCalendarFeed,
  type MeetingView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { UsersService } from '../users/users.service';
import { calendarEventOf, calendarFrom, toICalendar } from './ical';

const NoBody = z.object({}).strict().describe('No body: {}');
const FileParam = z.object({ file: z.string() });
const FEED_FILE = new RegExp(`^(${CALENDAR_FEED_TOKEN_PATTERN.source.slice(1, -1)})\\.ics$`);
/** Pages of meetings one feed reads at most (500 each). */
const FEED_PAGES = 4;
const FEED_REFRESH_MINUTES = 60;
/**
 * The actor of the lookup by hash: the secret is the credential there, so the request carries nobody and may do
 * nothing else (no roles, no scope).
 */
const FEED_LOOKUP_ACTOR: Actor = { userId: 'calendar-feed', username: 'calendar-feed', roles: [], scope: { national: false, regions: [], districts: [] } };

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const feedNotFound = () => new ProblemError('resource.not-found', 'No such calendar feed');

/**
 * A user's secret calendar feed (ADR 37): an .ics URL calendar apps subscribe to without a bearer token. The gateway
 * makes the secret (256 bits) and shows it once; the meetings service keeps its SHA-256 and the user's roles and
 * scope of that moment. Serving it narrows that to what the user holds in Keycloak now.
 */
@Controller('calendar')
export class CalendarFeedsController {
  constructor(
    @Inject(RPC_CLIENT) private readonly rpc: RpcClient,
    private readonly users: UsersService,
  ) {}

  @Get('feed')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'Whether you have a calendar feed URL, and since when (the URL itself is shown only when made)', response: CalendarFeedViewSchema })
  feed(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<CalendarFeedView> {
    return this.rpc.request(GetCalendarFeedQryV1, actor, {}, { correlationId });
  }

  @Post('feed')
  @RequirePermission('meeting:read')
  @ApiContract({
    summary: 'Make your secret calendar feed URL (a new one replaces the old, which stops working). Shown only in this answer',
    body: NoBody,
    response: CreatedCalendarFeedSchema,
  })
  async create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<CreatedCalendarFeed> {
    parseInput(NoBody, body);
    const token = randomBytes(32).toString('base64url');
    const view = await this.rpc.request(CreateCalendarFeedCmdV1, actor, { tokenHash: sha256(token) }, { correlationId });
    return { ...view, path: `/calendar/feeds/${token}.ics` };
  }

  @Delete('feed')
  @HttpCode(204)
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'Revoke your calendar feed: its URL answers 404 from now on', successStatus: 204 })
  async revoke(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<void> {
    await this.rpc.request(RevokeCalendarFeedCmdV1, actor, {}, { correlationId });
  }

  @Get('feeds/:file')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiContract({
    summary: 'A calendar feed by its secret URL, for calendar apps (no bearer token): the meetings its owner may see now; 404 for an unknown or revoked secret',
    produces: 'text/calendar',
  })
  async serve(@Param() params: unknown, @CorrelationId() correlationId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const match = FEED_FILE.exec(parseInput(FileParam, params).file);
    if (!match) throw feedNotFound();
    const owner = await this.rpc.request(ResolveCalendarFeedQryV1, FEED_LOOKUP_ACTOR, { tokenHash: sha256(match[1]) }, { correlationId }); // 404 when unknown or revoked
    // The user as they are now (gone or disabled: no feed), never more than when the feed was made.
    const current = await this.users.currentActor(owner.actor.userId);
    const actor = current && narrowActor(current, owner.actor);
    if (!actor || !actorHasPermission(actor, 'meeting:read')) throw feedNotFound();
    const meetings = await this.meetingsOf(actor, correlationId);
    void reply.header('Content-Disposition', 'inline; filename="reporting-days.ics"');
    return toICalendar(meetings.filter((m) => m.status !== 'draft').map(calendarEventOf), { name: 'Reporting days', refreshMinutes: FEED_REFRESH_MINUTES });
  }

  private async meetingsOf(actor: Actor, correlationId: string): Promise<MeetingView[]> {
    const from = calendarFrom();
    const out: MeetingView[] = [];
    for (let page = 0; page < FEED_PAGES; page += 1) {
      const { items, total } = await this.rpc.request(ListMeetingsQryV1, actor, { from, offset: page * 500, limit: 500, sort: 'startsAt', order: 'ASC' }, { correlationId });
      out.push(...items);
      if (out.length >= total || items.length === 0) break;
    }
    return out;
  }
}
