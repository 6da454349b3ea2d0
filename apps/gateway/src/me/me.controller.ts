import { Controller, Get } from '@nestjs/common';
import { permissionsOf } from '@rd/auth-core';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import type { Actor } from '@rd/contracts';

@Controller('me')
export class MeController {
  /** Who the token says the caller is, and what they may do. */
  @Get()
  @RequirePermission('geography:read')
  me(@CurrentActor() actor: Actor) {
    return { ...actor, permissions: [...permissionsOf(actor.roles)].sort() };
  }
}
