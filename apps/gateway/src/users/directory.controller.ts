import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { DirectoryEntrySchema, DirectoryFilterSchema, type Actor, type DirectoryEntry } from '@rd/contracts';
import type { FastifyReply } from 'fastify';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { UsersService } from './users.service';

/** Names for pickers and for showing user ids: enabled users in scope, never their email or phone (ADR 33). */
@Controller('directory')
export class DirectoryController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @RequirePermission('directory:read')
  @ApiContract({ summary: 'Enabled users in your scope by name, role and organisation (filters: q, role, districtCode, id[] to resolve ids)', response: DirectoryEntrySchema, list: true })
  list(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<DirectoryEntry[]> {
    return listResponse(reply, 'directory', query, (params) => this.users.directory(actor, parseInput(DirectoryFilterSchema, params.filter), params));
  }
}
