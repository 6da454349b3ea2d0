import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateMeetingCmdV1,
  CreateMeetingInputSchema,
  ErrorCode,
  GetCommunityQryV1,
  GetDistrictQryV1,
  GetMeetingQryV1,
  GetOrganisationQryV1,
  ListContactsQryV1,
  ListMeetingsQryV1,
  ListOrganisationsQryV1,
  MeetingViewSchema,
  POLICE_ORGANISATION_KINDS,
  TransitionMeetingCmdV1,
  TransitionMeetingInputSchema,
  UpdateMeetingCmdV1,
  UpdateMeetingInputSchema,
  type Actor,
  type CreateMeetingInput,
  type FieldError,
  type MeetingPlace,
  type MeetingView,
  type OrganisationKind,
} from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { fitsMeetingPlace } from './meeting-references';

const IdParam = z.object({ id: z.string().uuid('must be a meeting id') });

const FACILITATOR_KINDS: readonly OrganisationKind[] = ['ngo', 'other'];

const isNotFound = (error: unknown) => error instanceof RpcError && error.payload.code === ErrorCode.NotFound;

@Controller('meetings')
export class MeetingsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('meeting:read')
  @ApiContract({
    summary: 'Meetings in your scope (filters: districtCode, communityId, status, quarter, from, to)',
    response: MeetingViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingView[]> {
    return listResponse(reply, 'meetings', query, (params) =>
      this.rpc.request(ListMeetingsQryV1, actor, parseInput(ListMeetingsQryV1.schema, listQueryFields(params)), { correlationId }),
    );
  }

  @Get(':id')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'One meeting with its status history; start also in the district time zone', response: MeetingViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetMeetingQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary:
      'Plan a meeting (draft) for communities of a district in your scope; 403 outside it. With templateId (and templateVersion, ' +
      'default the latest of that family) the handbook agenda and checklist are copied. Invitees must be of the district or its region',
    body: CreateMeetingInputSchema,
    response: MeetingViewSchema,
  })
  async create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const input = parseInput(CreateMeetingInputSchema, body);
    const place = await this.placeOf(actor, input, correlationId);
    await this.checkOrganisations(actor, { districtCode: input.districtCode, regionCode: place.regionCode }, input, correlationId);
    await this.checkInvitees(actor, { districtCode: input.districtCode, regionCode: place.regionCode }, input, correlationId);
    return this.rpc.request(CreateMeetingCmdV1, actor, { input, place }, { correlationId });
  }

  @Patch(':id')
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary:
      'Change a draft, scheduled or postponed meeting (the date of an announced one moves by postponing); invitees must be ' +
      'contacts and organisations of its district (or its region); a change of an announced meeting emits meeting.updated',
    body: UpdateMeetingInputSchema,
    response: MeetingViewSchema,
  })
  async update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const { id } = parseInput(IdParam, params);
    const patch = parseInput(UpdateMeetingInputSchema, body);
    if (patch.policeUnitId || patch.facilitatingOrganisationId || patch.inviteeContactIds?.length || patch.inviteeOrganisationIds?.length) {
      // The organisations and invitees must belong to the meeting's district; a meeting the caller cannot see is left
      // to the command (403/404).
      const meeting = await this.rpc.request(GetMeetingQryV1, actor, { id }, { correlationId }).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
      if (meeting) {
        await this.checkOrganisations(actor, meeting, patch, correlationId);
        await this.checkInvitees(actor, meeting, patch, correlationId);
      }
    }
    return this.rpc.request(UpdateMeetingCmdV1, actor, { id, patch }, { correlationId });
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('meeting:plan')
  @ApiContract({
    summary:
      'Schedule, postpone (newStartsAt, reason), cancel (reason), hold or close a meeting; 409 with the reason when not allowed. ' +
      'held and closed also need meeting:hold',
    body: TransitionMeetingInputSchema,
    response: MeetingViewSchema,
    successStatus: 200,
  })
  transition(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<MeetingView> {
    const { id } = parseInput(IdParam, params);
    const input = parseInput(TransitionMeetingInputSchema, body);
    return this.rpc.request(TransitionMeetingCmdV1, actor, { id, ...input }, { correlationId });
  }

  /**
   * The organising police unit and the facilitator must be organisations of the right kind that the caller can see
   * (else "unknown", as if they did not exist), of the meeting's district or region-level in its region
   * (notifications send them the chases and the minutes; docs/adr/0007-meeting-lifecycle-and-calendars.md).
   */
  private async checkOrganisations(
    actor: Actor,
    place: { districtCode: string; regionCode: string },
    input: { policeUnitId?: string | null; facilitatingOrganisationId?: string | null },
    correlationId: string,
  ): Promise<void> {
    const checks = [
      { field: 'policeUnitId', id: input.policeUnitId, kinds: POLICE_ORGANISATION_KINDS, what: 'a police or law-enforcement unit' },
      { field: 'facilitatingOrganisationId', id: input.facilitatingOrganisationId, kinds: FACILITATOR_KINDS, what: 'an NGO or other organisation' },
    ];
    const errors: FieldError[] = [];
    await Promise.all(
      checks.map(async ({ field, id, kinds, what }) => {
        if (!id) return;
        const organisation = await this.rpc.request(GetOrganisationQryV1, actor, { id }, { correlationId }).catch((error: unknown) => {
          if (isNotFound(error)) return null;
          throw error;
        });
        if (!organisation) errors.push({ field, message: 'unknown organisation' });
        else if (!kinds.includes(organisation.kind)) errors.push({ field, message: `must be ${what}` });
        else if (!fitsMeetingPlace(organisation, place)) errors.push({ field, message: 'not of the meeting’s district or region' });
      }),
    );
    if (errors.length) throw new ProblemError('request.invalid', 'The request is invalid', errors);
  }

  /**
   * Every invitee must be a contact or organisation the caller can see (communities answers with the caller's own
   * scope) that works in the meeting's district, or at region level in its region (regional law-enforcement heads).
   */
  private async checkInvitees(
    actor: Actor,
    place: { districtCode: string; regionCode: string },
    input: { inviteeContactIds?: string[]; inviteeOrganisationIds?: string[] },
    correlationId: string,
  ): Promise<void> {
    const fits = (row: { districtCode: string | null; regionCode: string }) => fitsMeetingPlace(row, place);
    const errors: FieldError[] = [];
    const check = async (field: string, ids: string[], fetch: (batch: string[]) => Promise<{ id: string; districtCode: string | null; regionCode: string }[]>) => {
      const unique = [...new Set(ids)];
      const found = new Map<string, { districtCode: string | null; regionCode: string }>();
      for (let i = 0; i < unique.length; i += 100) for (const row of await fetch(unique.slice(i, i + 100))) found.set(row.id, row);
      ids.forEach((id, index) => {
        const row = found.get(id);
        if (!row) errors.push({ field: `${field}.${index}`, message: 'unknown' });
        else if (!fits(row)) errors.push({ field: `${field}.${index}`, message: 'not of the meeting’s district or region' });
      });
    };
    const page = { offset: 0, limit: 100, order: 'ASC' as const };
    if (input.inviteeContactIds?.length) {
      await check('inviteeContactIds', input.inviteeContactIds, async (ids) => (await this.rpc.request(ListContactsQryV1, actor, { ...page, sort: 'name', ids }, { correlationId })).items);
    }
    if (input.inviteeOrganisationIds?.length) {
      await check(
        'inviteeOrganisationIds',
        input.inviteeOrganisationIds,
        async (ids) => (await this.rpc.request(ListOrganisationsQryV1, actor, { ...page, sort: 'name', ids }, { correlationId })).items,
      );
    }
    if (errors.length) throw new ProblemError('request.invalid', 'The request is invalid', errors);
  }

  /**
   * Region and time zone of the meeting's district, and a check that every community lies in it. Both come
   * from communities (the owner of geography), asked with the actor's own scope.
   */
  private async placeOf(actor: Actor, input: CreateMeetingInput, correlationId: string): Promise<MeetingPlace> {
    const district = await this.rpc.request(GetDistrictQryV1, actor, { code: input.districtCode }, { correlationId }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
      if (actor.scope.national) throw new ProblemError('request.invalid', 'The request is invalid', [{ field: 'districtCode', message: 'unknown district' }]);
      throw new ProblemError('auth.out-of-scope', 'The district is outside your scope');
    });
    const errors: FieldError[] = [];
    await Promise.all(
      input.communityIds.map(async (id, index) => {
        const community = await this.rpc.request(GetCommunityQryV1, actor, { id }, { correlationId }).catch((error: unknown) => {
          if (isNotFound(error)) return null;
          throw error;
        });
        if (!community) errors.push({ field: `communityIds.${index}`, message: 'unknown community' });
        else if (community.districtCode !== district.code) errors.push({ field: `communityIds.${index}`, message: 'the community is not in this district' });
      }),
    );
    if (errors.length) throw new ProblemError('request.invalid', 'The request is invalid', errors);
    return { regionCode: district.regionCode, timeZone: district.timeZone };
  }
}
