import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const ROLES = ['volunteer', 'requester', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is making a request: the signed-in account (see src/accounts/actor.guard.ts, the one place that
 * decides it). A resident's account carries the id of their profile as `volunteerId`.
 */
export interface Actor {
  id: string;
  role: Role;
  volunteerId?: string;
  /** The organisations a requester acts for. */
  organisationIds?: string[];
  /** The districts a coordinator is limited to; absent for everyone who covers the whole city. */
  districtCodes?: string[];
}

export interface RequestWithActor extends Request {
  actor?: Actor;
  /** The bearer token the actor signed in with, for logging out. */
  sessionToken?: string;
}

export const ROLES_KEY = 'allowedRoles';
export const PUBLIC_KEY = 'openToAnyone';

/**
 * The roles that may call a route. Every route declares either this or {@link Public}; a route that
 * declares neither is refused to everyone (and fails the route-policy test).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Anyone signed in, whatever their role. */
export const SignedIn = () => Roles(...ROLES);

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined => {
    return context.switchToHttp().getRequest<RequestWithActor>().actor;
  },
);
