import request from 'supertest';
import { ROUTES_OUTSIDE_API } from '../src/app.setup.js';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, Reflector } from '@nestjs/core';
import request from 'supertest';
import { PUBLIC_KEY, ROLES_KEY, type Role } from '../src/common/actor/actor.js';
import { makeAccount } from './factories/account.factory.js';
import {
  cityOffice,
  coordinator,
  otherCoordinator,
  otherSchoolStaff,
  schoolStaff,
  tairaCoordinator,
  type Persona,
} from './factories/personas.js';
import { schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer } from './factories/volunteer.factory.js';
import { startTestApp, type Caller, type TestApp } from './setup/test-app.js';

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
    t = await startTestApp();
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
      // A resident answers from the link in an approval mail, without signing in.
      'GET /answer-links/:token',
      // A private calendar feed: its secret address is the key.
      'GET /calendar-feeds/:file',
      'GET /directory/courses',
      'GET /directory/courses/:id',
      'GET /directory/instructors',
      'GET /districts',
      // For load balancers and Prometheus, outside /api/v1 (a METRICS_TOKEN can guard the metrics).
      'GET /health',
      'GET /health/ready',
      'GET /metrics',
      'GET /privacy-notice',
      'GET /skill-categories',
      'POST /answer-links/:token',
      'POST /auth/login',
      'POST /auth/password-reset',
      'POST /auth/password-reset/confirm',
      'POST /invitations/accept',
      // The link at the foot of every mail, and mail programs' one-click unsubscribe.
      'POST /unsubscribe/:token',
      'POST /volunteers/signup',
    ]);
  });

  it('answers each role on each route as its policy says: allowed, 401, 403, or 404 where existence must not leak', async () => {
    // What belongs to someone else: Onahama's school, its request, an Onahama resident, and the proposal
    // pairing them. The callers are a Taira resident, Taira's school, Taira's coordinator, and staff
    // covering the whole city.
    const resident = await activeVolunteer(t.as, { homeDistrictCode: 'taira' });
    const otherResident = await activeVolunteer(t.as, { homeDistrictCode: 'onahama' });
    const [otherSchool] = (await t.as(otherSchoolStaff).get('/organisations').expect(200)).body;
    const created = await t
      .as(otherSchoolStaff)
      .post('/requests', schoolVisitInput({ districtCode: 'onahama' }))
      .expect(201);
    await t.as(otherSchoolStaff).post(`/requests/${created.body.id}/open`).expect(200);
    await t.drainQueue();
    const [proposal] = (await t.as(coordinator).get(`/requests/${created.body.id}/proposals`).expect(200))
      .body.items;
    expect(proposal.volunteer.id).toBe(otherResident.id);
    const someAccount = await makeAccount(t);
    const otherFeed = await t.as(otherResident).post('/calendar-feeds', { owner: 'resident' }).expect(201);
    // Another coordinator's import: theirs and the city office's to follow, nobody else's.
    const importRun = await request(t.app.getHttpServer())
      .post('/api/v1/registers/imports')
      .set('Authorization', `Bearer ${t.sessionOf(otherCoordinator)}`)
      .field('kind', 'residents')
      .attach('file', Buffer.from('氏名,ふりがな,電話番号,地区\n'), 'register.csv')
      .expect(202);

    type CallerKey =
      'anonymous' | 'volunteer' | 'requester' | 'districtCoordinator' | 'coordinator' | 'admin';
    const callers: [CallerKey, Caller | undefined, Persona['role'] | undefined][] = [
      ['anonymous', undefined, undefined],
      ['volunteer', resident, 'volunteer'],
      ['requester', schoolStaff, 'requester'],
      ['districtCoordinator', tairaCoordinator, 'coordinator'],
      ['coordinator', coordinator, 'coordinator'],
      ['admin', cityOffice, 'admin'],
    ];
    /** The thing behind each route's `:id`, by the route's first segment, and from whom it is hidden. */
    const targets: Record<string, { id: string; hiddenFrom: CallerKey[] }> = {
      requests: { id: created.body.id, hiddenFrom: ['requester', 'districtCoordinator'] },
      volunteers: { id: otherResident.id, hiddenFrom: ['volunteer', 'districtCoordinator'] },
      proposals: { id: proposal.id, hiddenFrom: ['volunteer', 'requester', 'districtCoordinator'] },
      organisations: { id: otherSchool.id, hiddenFrom: ['districtCoordinator'] },
      accounts: { id: someAccount.id, hiddenFrom: [] },
      'calendar-feeds': { id: otherFeed.body.id, hiddenFrom: ['volunteer', 'requester'] },
      registers: { id: importRun.body.id, hiddenFrom: ['districtCoordinator', 'coordinator'] },
    };
    /** Open routes addressed by a secret (a calendar feed's URL): a guessed secret finds nothing. */
    const secretAddressed = ['GET /calendar-feeds/:file'];
    const call = (caller: Caller | undefined, method: string, path: string) => {
      if (ROUTES_OUTSIDE_API.includes(path.slice(1))) return request(t.app.getHttpServer()).get(path);
      const api = t.as(caller);
      if (method === 'GET') return api.get(path);
      if (method === 'PATCH') return api.patch(path, {});
      if (method === 'PUT') return api.put(path, {});
      if (method === 'DELETE') return api.delete(path);
      return api.post(path, {});
    };

    // Signing out ends the caller's session, so it comes last.
    const routes = routeTable(t).sort(
      (a, b) => Number(a.route.endsWith('logout')) - Number(b.route.endsWith('logout')),
    );
    const expected: Record<string, Record<CallerKey, string>> = {};
    const actual: Record<string, Record<CallerKey, string>> = {};
    for (const { route, policy } of routes) {
      const [method, template] = route.split(' ');
      const target = template.includes(':') ? targets[template.split('/')[1]] : undefined;
      expected[route] = {} as Record<CallerKey, string>;
      actual[route] = {} as Record<CallerKey, string>;
      for (const [key, caller, role] of callers) {
        expected[route][key] =
          policy === 'public'
            ? secretAddressed.includes(route)
              ? '404'
              : 'allowed'
            : !role
              ? '401'
              : !policy!.includes(role)
                ? '403'
                : target?.hiddenFrom.includes(key)
                  ? '404'
                  : 'allowed';
        const status = (await call(caller, method, template.replace(':id', target?.id ?? ''))).status;
        if (expected[route][key] === '404') {
          // Hidden means answered exactly as for an id that does not exist (a body the route refuses
          // anyway may make that a 400).
          const unknown = await call(
            caller,
            method,
            template.replace(':id', '00000000-0000-4000-8000-000000000000'),
          );
          actual[route][key] =
            status === unknown.status && [400, 404].includes(status) ? '404' : String(status);
        } else {
          actual[route][key] = [401, 403, 404].includes(status) || status >= 500 ? String(status) : 'allowed';
        }
      }
    }
    expect(actual).toEqual(expected);
    expect(Object.keys(actual).length).toBe(routes.length);
  });
});
