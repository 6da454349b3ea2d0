import { Controller, Get } from '@nestjs/common';
import { permissionsOf } from '@rd/auth-core';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import type { Actor } from '@rd/contracts';
import { ApiContract } from '../openapi/api-contract.decorator';

@Controller('me')
export class MeController {
  /** Who the token says the caller is, and what they may do. */
  @Get()
  @RequirePermission('geography:read')
  @ApiContract({ summary: 'Who the token says you are: roles, scope and permissions' })
  me(@CurrentActor() actor: Actor) {
    return { ...actor, permissions: [...permissionsOf(actor.roles)].sort() };
  }
}
