import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import { ROLES, ROLES_KEY, type RequestWithActor, type Role } from './actor.js';

@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const id = request.header('x-actor-id')?.trim();
    const role = request.header('x-actor-role')?.trim() as Role | undefined;
    if (id && role && ROLES.includes(role)) request.actor = { id, role };

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    if (!request.actor) throw new UnauthenticatedError();
    if (!allowed.includes(request.actor.role)) {
      throw new ForbiddenError('errors.forbiddenRole', { roles: allowed });
    }
    return true;
  }
}
