import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, type RequestWithActor, type Role } from '../common/actor/actor.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-error.js';
import { SessionsService } from './sessions.service.js';

/**
 * The one place that decides who is acting: the session behind `Authorization: Bearer <token>`.
 * Then each route's policy is enforced: `@Public()`, or `@Roles(...)`; a route with neither is refused.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const token = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '')?.[1];
    if (token) {
      const actor = await this.sessions.authenticate(token);
      if (actor) Object.assign(request, { actor, sessionToken: token });
      else if (allowed) throw new UnauthenticatedError('errors.sessionInvalid');
    }
    if (!allowed) {
      const open = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (open) return true;
      throw new ForbiddenError('errors.noPolicy');
    }
    if (!request.actor) throw new UnauthenticatedError();
    if (!allowed.includes(request.actor.role))
      throw new ForbiddenError('errors.forbiddenRole', { roles: allowed });
    return true;
  }
}
