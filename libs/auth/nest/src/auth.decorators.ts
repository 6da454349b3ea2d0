import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@rd/auth-core';
import type { Actor } from '@rd/contracts';

export const PERMISSION_KEY = 'rd:permission';
export const PUBLIC_KEY = 'rd:public';

/** The permission a route needs. Every gateway route carries this or @Public(). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** A route anyone may call without a token (health, OpenAPI). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest {
  actor?: Actor;
  /** The permission the route declares, set by the guard whatever its decision (the audit trail reads it). */
  requiredPermission?: Permission;
  /** Set when the guard refused the request, whatever status it answers (403, or 404 for an object never seen). */
  accessDenied?: boolean;
  headers: Record<string, string | string[] | undefined>;
}

/** The actor the guard resolved from the token. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
