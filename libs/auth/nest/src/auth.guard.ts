import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, seesObjectsOf, type Permission } from '@rd/auth-core';
import { PERMISSION_KEY, PUBLIC_KEY, type AuthenticatedRequest } from './auth.decorators';
import { HiddenObjectError, PermissionDeniedError, UnauthenticatedError, UndeclaredPermissionError } from './auth.errors';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/** Global guard: verifies the bearer token, resolves the actor and checks the route's permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) throw new UndeclaredPermissionError(`${context.getClass().name}.${context.getHandler().name}`);

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.requiredPermission = permission;
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) throw new UnauthenticatedError();
    try {
      request.actor = await this.verifier.verify(match[1]);
    } catch {
      throw new UnauthenticatedError();
    }
    if (!hasPermission(request.actor.roles, permission)) {
      // One answer for what is not yours, so nobody learns what exists: a route naming an object of a kind the role
      // never sees is 404.
      const namesObject = Object.keys((request as { params?: object }).params ?? {}).length > 0;
      request.accessDenied = true;
      if (namesObject && !seesObjectsOf(request.actor.roles, permission)) throw new HiddenObjectError(permission);
      throw new PermissionDeniedError(permission);
    }
    return true;
  }
}
