import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { GeoCodeSchema, GetDistrictQryV1, GetMeetingQryV1, ListMeetingsQryV1, type Actor } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { calendarEventOf, calendarFrom, toICalendar } from './ical';

const IdParam = z.object({ id: z.string().uuid('must be a meeting id') });
const CodeParam = z.object({ code: GeoCodeSchema });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** iCalendar (RFC 5545) downloads: one meeting, and a feed per district that calendar apps can subscribe to. */
@Controller()
export class MeetingCalendarsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get('meetings/:id/calendar.ics')
  @RequirePermission('meeting:read')
  @Header('Content-Type', CALENDAR_TYPE)
  @ApiContract({ summary: 'One meeting as an iCalendar file (RFC 5545)', produces: 'text/calendar' })
  async meeting(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { id } = parseInput(IdParam, params);
    const meeting = await this.rpc.request(GetMeetingQryV1, actor, { id }, { correlationId });
    void reply.header('Content-Disposition', `attachment; filename="meeting-${meeting.id}.ics"`);
    return toICalendar([calendarEventOf(meeting)], { name: meeting.title });
  }

  @Get('districts/:code/meetings.ics')
  @RequirePermission('meeting:read')
  @Header('Content-Type', CALENDAR_TYPE)
  @ApiContract({ summary: 'Scheduled, held and cancelled meetings of a district in your scope as an iCalendar feed (RFC 5545)', produces: 'text/calendar' })
  async district(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { code } = parseInput(CodeParam, params);
    // NOT_FOUND (404) when the district is outside the actor's scope.
    const district = await this.rpc.request(GetDistrictQryV1, actor, { code }, { correlationId });
    const from = calendarFrom();
    const page = await this.rpc.request(
      ListMeetingsQryV1,
      actor,
      { districtCode: code, from, offset: 0, limit: 500, sort: 'startsAt', order: 'ASC' },
      { correlationId },
    );
    // Drafts are not announced.
    const events = page.items.filter((m) => m.status !== 'draft').map(calendarEventOf);
    void reply.header('Content-Disposition', `attachment; filename="meetings-${code}.ics"`);
    return toICalendar(events, { name: `Reporting days – ${district.name['en'] ?? code}` });
  }
}
