import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, type Role } from '../src/common/actor/actor.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

interface Route {
  route: string;
  policy: Role[] | 'public' | undefined;
}

/** Every HTTP route of the application, with the policy it declares. */
function routeTable(t: TestApp): Route[] {
  const reflector = t.app.get(Reflector);
  return t.app
    .get(DiscoveryService)
    .getControllers()
    .flatMap((wrapper) => {
      const controller = wrapper.metatype as new (...args: never[]) => object;
      const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
      return Object.getOwnPropertyNames(controller.prototype)
        .filter((name) => name !== 'constructor')
        .map((name) => controller.prototype[name as keyof object] as unknown)
        .filter((handler): handler is () => unknown => typeof handler === 'function')
        .filter((handler) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
        .map((handler) => {
          const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'][
            Reflect.getMetadata(METHOD_METADATA, handler) as number
          ];
          const path = [prefix, Reflect.getMetadata(PATH_METADATA, handler) as string].filter(
            (part) => part && part !== '/',
          );
          const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]);
          const open = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [handler, controller]);
          return { route: `${method} /${path.join('/')}`, policy: roles ?? (open ? 'public' : undefined) };
        });
    });
}

describe('Who may call each route', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('is declared on every route of the application', () => {
    const routes = routeTable(t);
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.filter((route) => route.policy === undefined).map((route) => route.route)).toEqual([]);
  });

  it('leaves open to anyone only what a visitor needs before signing in', () => {
    const open = routeTable(t)
      .filter((route) => route.policy === 'public')
      .map((route) => route.route)
      .sort();
    expect(open).toEqual([
      'GET /districts',
      'GET /skill-categories',
      'POST /auth/login',
      'POST /auth/password-reset',
      'POST /auth/password-reset/confirm',
      'POST /invitations/accept',
      'POST /volunteers/signup',
    ]);
  });
});
