import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  ContactCardConsentInputSchema,
  ContactViewSchema,
  CreateContactCmdV1,
  CreateContactInputSchema,
  EraseContactCmdV1,
  GetContactQryV1,
  ListContactsQryV1,
  SetContactCardConsentCmdV1,
  UpdateContactCmdV1,
  UpdateContactInputSchema,
  type Actor,
  type ContactView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listQueryFields, listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a contact id') });
const EraseBody = z.object({}).strict().describe('No fields: send {}');

/** Contacts hold personal data: only roles with contact:read, only in scope (never the regional reviewer). */
@Controller('contacts')
export class ContactsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('contact:read')
  @ApiContract({ summary: 'Contacts in your scope (filters: organisationId, communityId, districtCode, meetingDistrict — the district’s and region-level ones of its region, consent, q, id[])', response: ContactViewSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView[]> {
    return listResponse(reply, 'contacts', query, (params) => {
      const { id, ...rest } = params.filter as { id?: unknown };
      const data = parseInput(ListContactsQryV1.schema, { ...listQueryFields({ ...params, filter: rest }), ids: id });
      return this.rpc.request(ListContactsQryV1, actor, data, { correlationId });
    });
  }

  @Get(':id')
  @RequirePermission('contact:read')
  @ApiContract({ summary: 'One contact', response: ContactViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<ContactView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetContactQryV1, actor, { id }, { correlationId });
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('contact:manage')
  @ApiContract({ summary: 'Add a contact in your scope', body: CreateContactInputSchema, response: ContactViewSchema })
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ContactView> {
    const input = parseInput(CreateContactInputSchema, body);
    return this.rpc.request(CreateContactCmdV1, actor, input, { correlationId });
  }

  @Patch(':id')
  @RequirePermission('contact:manage')
  @ApiContract({ summary: 'Change a contact, including consent; 409 once erased', body: UpdateContactInputSchema, response: ContactViewSchema })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ContactView> {
    const { id } = parseInput(IdParam, params);
    const patch = parseInput(UpdateContactInputSchema, body);
    return this.rpc.request(UpdateContactCmdV1, actor, { id, patch }, { correlationId });
  }

  @Post(':id/erase')
  @HttpCode(200)
  @RequirePermission('contact:erase')
  @ApiContract({ summary: 'Erase a contact’s personal data on request (keeps the id; idempotent)', body: EraseBody, response: ContactViewSchema, successStatus: 200 })
  erase(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ContactView> {
    const { id } = parseInput(IdParam, params);
    parseInput(EraseBody, body);
    return this.rpc.request(EraseContactCmdV1, actor, { id }, { correlationId });
  }

  @Put(':id/card-consent')
  @RequirePermission('contact:publish')
  @ApiContract({
    summary:
      'Give ({"publish":true,"workPhone":"+992…"}) or withdraw ({"publish":false}) consent to print a work phone on the community contact card: ' +
      'the person themself (linked login) or a holder of contact:manage in scope; 409 once erased',
    body: ContactCardConsentInputSchema,
    response: ContactViewSchema,
  })
  setCardConsent(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<ContactView> {
    const { id } = parseInput(IdParam, params);
    const consent = parseInput(ContactCardConsentInputSchema, body);
    return this.rpc.request(SetContactCardConsentCmdV1, actor, { id, consent }, { correlationId });
  }
}
