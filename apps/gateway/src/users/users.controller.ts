import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  CreateUserInputSchema,
  UpdateUserInputSchema,
  UserListFilterSchema,
  UserViewSchema,
  type Actor,
  type UserView,
} from '@rd/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { UsersService } from './users.service';

const IdParam = z.object({ id: z.string().uuid('must be a user id') });
/** The actions on a user take an empty JSON object (every POST of the gateway is JSON). */
const NoBody = z.object({}).strict().describe('No body: {}');

/** User administration (docs/adr/0033-user-administration.md): the rules are in UsersService, Keycloak stores them. */
@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @RequirePermission('user:read')
  @ApiContract({ summary: 'User accounts in your scope (filters: q, role, districtCode, enabled, id[])', response: UserViewSchema, list: true })
  list(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserView[]> {
    return listResponse(reply, 'users', query, (params) => this.users.list(actor, parseInput(UserListFilterSchema, params.filter), params));
  }

  @Get(':id')
  @RequirePermission('user:read')
  @ApiContract({ summary: 'One user account; 404 outside your scope', response: UserViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown): Promise<UserView> {
    return this.users.get(actor, parseInput(IdParam, params).id);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('user:manage')
  @ApiContract({
    summary: 'Invite a user by email with one role and its scope; Keycloak emails a link to verify the address and set a password. 409 when the email exists',
    body: CreateUserInputSchema,
    response: UserViewSchema,
  })
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<UserView> {
    return this.users.create(actor, parseInput(CreateUserInputSchema, body), correlationId);
  }

  @Patch(':id')
  @RequirePermission('user:manage')
  @ApiContract({ summary: 'Change a user’s names, role and scope, or organisation (null removes it)', body: UpdateUserInputSchema, response: UserViewSchema })
  update(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<UserView> {
    const { id } = parseInput(IdParam, params);
    return this.users.update(actor, id, parseInput(UpdateUserInputSchema, body), correlationId);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @ApiContract({ summary: 'Disable a user: no more sign-in, sessions ended. 409 for yourself', body: NoBody, response: UserViewSchema, successStatus: 200 })
  disable(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown): Promise<UserView> {
    parseInput(NoBody, body);
    return this.users.setEnabled(actor, parseInput(IdParam, params).id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @ApiContract({ summary: 'Enable a disabled user again', body: NoBody, response: UserViewSchema, successStatus: 200 })
  enable(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown): Promise<UserView> {
    parseInput(NoBody, body);
    return this.users.setEnabled(actor, parseInput(IdParam, params).id, true);
  }

  @Post(':id/reset-credentials')
  @HttpCode(202)
  @RequirePermission('user:manage')
  @ApiContract({ summary: 'Email the user a link to set a new password', body: NoBody, response: z.object({ id: z.string().uuid() }), successStatus: 202 })
  resetCredentials(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown): Promise<{ id: string }> {
    parseInput(NoBody, body);
    return this.users.resetCredentials(actor, parseInput(IdParam, params).id);
  }
}
