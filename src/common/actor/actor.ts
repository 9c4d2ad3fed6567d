import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const ROLES = ['volunteer', 'requester', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is making a request. Until accounts exist (the accounts issue), the caller names themselves in
 * the `X-Actor-Id` and `X-Actor-Role` headers; {@link ActorGuard} is the only place that reads them.
 * A volunteer's actor id is their volunteer id.
 */
export interface Actor {
  id: string;
  role: Role;
}

export interface RequestWithActor extends Request {
  actor?: Actor;
}

export const ROLES_KEY = 'allowedRoles';

/** The roles that may call a route; a route without it is open to anyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined => {
    return context.switchToHttp().getRequest<RequestWithActor>().actor;
  },
);
