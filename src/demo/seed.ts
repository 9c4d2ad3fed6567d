import 'reflect-metadata';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccountsService, type NewAccount } from '../accounts/accounts.service.js';
import { AppModule } from '../app.module.js';
import type { Actor } from '../common/actor/actor.js';
import { Membership } from '../organisations/membership.entity.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { translate } from '../common/i18n/i18n.js';
import { japanDate } from '../common/japan-time.js';
import { createValidationPipe } from '../common/validation/validation.pipe.js';
import { AppConfig } from '../config/app-config.js';
import { CreateRequestDto } from '../requests/dto/request.dto.js';
import type { RequestView } from '../requests/dto/request.view.js';
import { RequestsService } from '../requests/requests.service.js';
import { CreateVolunteerDto, SignUpDto } from '../volunteers/dto/volunteer-profile.dto.js';
import type { VolunteerView } from '../volunteers/dto/volunteer.view.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { VolunteersService } from '../volunteers/volunteers.service.js';
import { DEMO_COORDINATOR, demoCity, type DemoCity } from './demo-city.js';

/**
 * `npm run seed`: loads the demo city into an empty database through the same services, validation and
 * audit trail as the API, so opening a request enqueues its matching exactly as a real one would. The
 * matching itself runs in the worker, which is not started here: proposals appear once the service runs.
 */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ withWorker: false }), {
    logger: ['error', 'warn'],
  });
  try {
    if (await app.get(DataSource).getRepository(Volunteer).exists()) {
      console.log('demo data already present; nothing done');
      return;
    }
    const city = demoCity(japanDate(app.get(Clock).now()));
    const staff = await createStaffAccounts(app);
    const requesters = await registerOrganisations(app, city);
    const residents = await registerResidents(app, city);
    const requests = await createRequests(app, city, requesters);
    printSummary(app.get(AppConfig), staff, residents, requests);
  } finally {
    await app.close();
  }
}

/** Every demo resident's password: demo data only, never a real deployment. */
const DEMO_PASSWORD = 'iwaki-demo-2026';

/** The pipe every request body goes through in the API: unknown fields, types, ranges. */
const validationPipe = createValidationPipe();

async function validated<T extends object>(dtoClass: Type<T>, input: T): Promise<T> {
  return (await validationPipe.transform(input, { type: 'body', metatype: dtoClass })) as T;
}

/** Sign-in accounts for the city office and the coordinator. */
async function createStaffAccounts(app: INestApplicationContext): Promise<string[]> {
  const accounts = app.get(AccountsService);
  const staff: NewAccount[] = [
    { email: 'office@demo.example.jp', name: 'いわき市 生涯学習課', role: 'admin', password: DEMO_PASSWORD },
    {
      email: 'coordinator@demo.example.jp',
      name: '生涯学習指導者 佐藤',
      role: 'coordinator',
      password: DEMO_PASSWORD,
    },
    {
      email: 'coordinator.taira@demo.example.jp',
      name: '平公民館 生涯学習指導者',
      role: 'coordinator',
      password: DEMO_PASSWORD,
      districtCodes: ['taira'],
    },
  ];
  await app.get(DataSource).transaction(async (manager) => {
    for (const account of staff) await accounts.create(manager, account);
  });
  return staff.map(
    (account) =>
      `${account.role.padEnd(11)} ${account.email}${account.districtCodes ? ` (${account.districtCodes.join(', ')} only)` : ''}`,
  );
}

const ORGANISATION_KIND = {
  school_visit: 'school',
  family_support: 'family_support_desk',
  course_instructor: 'community_group',
} as const;

/**
 * Each requesting school, group or desk is registered, with one staff member's account; returns, for
 * each demo requester, the actor that account signs in as.
 */
async function registerOrganisations(
  app: INestApplicationContext,
  city: DemoCity,
): Promise<Map<string, Actor>> {
  const organisations = app.get(OrganisationsService);
  const accounts = app.get(AccountsService);
  const actors = new Map<string, Actor>();
  for (const { requester, input } of city.requests) {
    if (actors.has(requester.id)) continue;
    const organisation = await organisations.create(
      {
        kind: ORGANISATION_KIND[input.kind],
        name: input.organisationName,
        districtCode: input.districtCode ?? undefined,
      },
      DEMO_COORDINATOR,
    );
    // Real staff join through a mailed invitation; demo staff get a known password straight away.
    const member = await app.get(DataSource).transaction(async (manager) => {
      const account = await accounts.create(manager, {
        email: `${requester.id}@demo.example.jp`,
        name: `${input.organisationName} 担当`,
        role: 'requester',
        password: DEMO_PASSWORD,
      });
      await manager.insert(Membership, { accountId: account.id, organisationId: organisation.id });
      return account;
    });
    actors.set(requester.id, { id: member.id, role: 'requester', organisationIds: [organisation.id] });
  }
  return actors;
}

async function registerResidents(app: INestApplicationContext, city: DemoCity): Promise<VolunteerView[]> {
  const volunteers = app.get(VolunteersService);
  const registered: VolunteerView[] = [];
  for (const { profile, activate } of city.residents) {
    const view = await describedAs(`resident ${profile.name}`, async () => {
      // Residents who consent sign up themselves, as on the public form; one who has not consented yet
      // was registered at the desk by a coordinator.
      const id = profile.consent
        ? (
            await volunteers.signUp(
              await validated(SignUpDto, { ...profile, password: DEMO_PASSWORD }),
              `demo:${profile.email}`,
              'ja',
            )
          ).account.volunteerId!
        : (await volunteers.register(await validated(CreateVolunteerDto, profile), DEMO_COORDINATOR)).id;
      if (!activate) return volunteers.findOne(id, DEMO_COORDINATOR);
      return volunteers.changeStatus(id, 'activate', DEMO_COORDINATOR, '面談で本人確認済み');
    });
    registered.push(view);
  }
  return registered;
}

async function createRequests(
  app: INestApplicationContext,
  city: DemoCity,
  requesters: Map<string, Actor>,
): Promise<RequestView[]> {
  const requests = app.get(RequestsService);
  const created: RequestView[] = [];
  for (const { requester, input, publish } of city.requests) {
    const actor = requesters.get(requester.id)!;
    const view = await describedAs(`request "${input.title}"`, async () => {
      const { organisationName: _named, ...body } = input;
      const draft = await requests.create(await validated(CreateRequestDto, body), actor);
      return publish ? requests.open(draft.id, actor) : draft;
    });
    created.push(view);
  }
  return created;
}

/** Names the demo record a rejection is about, with every field problem in words. */
async function describedAs<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const problems = error.fields.map(
      (problem) => `\n  ${problem.field}: ${translate('en', problem.code, problem.params)}`,
    );
    throw new Error(
      `The demo data was rejected at ${what}: ${translate('en', error.code, error.params)}${problems.join('')}` +
        '\nWhat came before it is stored; seed a fresh database once the data is fixed.',
      { cause: error },
    );
  }
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${count} ${name}`).join(', ');
}

function printSummary(
  config: AppConfig,
  staff: string[],
  residents: VolunteerView[],
  requests: RequestView[],
): void {
  const open = requests.filter((request) => request.status === 'open');
  const example = open[0];
  console.log(
    [
      'Demo city loaded.',
      `Demo accounts (password for all of them, and for residents who signed up: ${DEMO_PASSWORD}):`,
      ...staff.map((line) => `  ${line}`),
      `  requester   ${[...new Set(requests.map((request) => request.organisation.name))].length} organisations' staff, e.g. onahama-daini-elementary@demo.example.jp`,
      `  volunteer   ${residents[0]?.email ?? ''} (and every other resident's email)`,
      `  residents: ${residents.length} (${countBy(residents, (resident) => resident.status)})`,
      `  requests:  ${requests.length} (${countBy(requests, (request) => request.status)}; ${countBy(requests, (request) => request.kind)})`,
      '',
      'Matching jobs are queued; the matching worker turns them into proposals. Start the service with the',
      'worker inside, with the same DATABASE_URL and QUEUE_PREFIX as this seed:',
      `  QUEUE_PREFIX=${config.QUEUE_PREFIX} MATCHING_WORKER_IN_API=true node dist/src/main.js   (or npm run start:local)`,
      'then sign in as the coordinator and look at the open requests and their proposals:',
      `  TOKEN=$(curl -s -H 'content-type: application/json' -d '{"email":"coordinator@demo.example.jp","password":"${DEMO_PASSWORD}"}' localhost:${config.PORT}/api/v1/auth/login | jq -r .token)`,
      `  curl -H "Authorization: Bearer $TOKEN" 'localhost:${config.PORT}/api/v1/requests?status=open'`,
      ...(example
        ? [
            `  curl -H "Authorization: Bearer $TOKEN" localhost:${config.PORT}/api/v1/requests/${example.id}/proposals`,
          ]
        : []),
      `Residents waiting for a coordinator's review: GET /api/v1/volunteers?status=pending_review`,
    ].join('\n'),
  );
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && !(error.cause instanceof DomainError)) console.error(error.stack);
  process.exitCode = 1;
});
