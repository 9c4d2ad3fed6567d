import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { setUpApp } from '../../src/app.setup.js';
import { AccountsService } from '../../src/accounts/accounts.service.js';
import { Membership } from '../../src/organisations/membership.entity.js';
import { Organisation } from '../../src/organisations/organisation.entity.js';
import { PERSONAS, type Persona } from '../factories/personas.js';
import { Clock } from '../../src/common/clock.js';
import { AppConfig, validateConfig } from '../../src/config/app-config.js';
import { LOG_DESTINATION } from '../../src/logging/logging.module.js';
import { MATCHING_QUEUE } from '../../src/matching/matching.jobs.js';
import { NOTIFICATIONS_QUEUE } from '../../src/notifications/notifications.jobs.js';
import { REGISTERS_QUEUE } from '../../src/registers/registers.jobs.js';
import { createSuiteDatabase, databaseUrl, dropDatabase } from './databases.js';

/** Real time, but a test can move it forward to after an activity. */
export class TestClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  travelTo(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }

  backToNow(): void {
    this.offsetMs = 0;
  }
}

export interface TestApp {
  app: INestApplication;
  databaseName: string;
  config: AppConfig;
  clock: TestClock;
  dataSource: DataSource;
  queue: Queue;
  /** HTTP calls under /api/v1 as `actor`, or with a signed-in session's token, or as nobody. */
  as: (caller?: Caller) => ApiClient;
  /** The session token a persona holds, e.g. to sign a browser in as them. */
  sessionOf: (persona: Persona) => string;
  /** Resolves once the matching queue has nothing waiting or running. */
  drainQueue: () => Promise<void>;
  close: () => Promise<void>;
}

export type ApiClient = ReturnType<typeof apiClient>;
export type Caller = Persona | { token: string };

function apiClient(app: INestApplication, caller: Caller | undefined, personaTokens: Map<string, string>) {
  const agent = request(app.getHttpServer());
  const token = caller && ('token' in caller ? caller.token : personaTokens.get(caller.key));
  if (caller && !token) throw new Error(`No session for ${JSON.stringify(caller)}`);
  const identify = (test: request.Test) => (token ? test.set('Authorization', `Bearer ${token}`) : test);
  return {
    get: (path: string) => identify(agent.get(`/api/v1${path}`)),
    post: (path: string, body: object = {}) => identify(agent.post(`/api/v1${path}`)).send(body),
    patch: (path: string, body: object) => identify(agent.patch(`/api/v1${path}`)).send(body),
    put: (path: string, body: object) => identify(agent.put(`/api/v1${path}`)).send(body),
    delete: (path: string) => identify(agent.delete(`/api/v1${path}`)),
  };
}

/**
 * The whole API (and, by default, the matching worker in the same process) on a database and a queue
 * prefix of this suite's own, so suites run in parallel without meeting.
 */
export async function startTestApp(
  options: {
    withWorker?: boolean;
    redisUrl?: string;
    shareDatabaseWith?: TestApp;
    env?: Record<string, string>;
    /** Where the app's log lines go (standard output unless given). */
    logTo?: DestinationStream;
  } = {},
): Promise<TestApp> {
  const databaseName = options.shareDatabaseWith?.databaseName ?? (await createSuiteDatabase());
  const config = validateConfig({
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${databaseName}`,
    MATCHING_SWEEP_EVERY_MS: '0',
    MAIL_SWEEP_EVERY_MS: '0',
    // Tests move the clock weeks ahead, to after an activity; sessions must outlive that.
    SESSION_TTL_HOURS: String(24 * 366),
    // Every test's residents sign up from 127.0.0.1; the limit itself has a test of its own.
    SIGN_UPS_PER_ADDRESS: '100000',
    LOG_LEVEL: 'error',
    // Suites about the per-request path see its proposals; the planner's suites turn plans on.
    PLANNING_DEBOUNCE_MS: '0',
    // Mail goes to files (no SMTP_URL), in a folder of this suite's own.
    MAIL_DIR: join(tmpdir(), 'talent-bank-test-mail', databaseName),
    ...options.env,
  });
  const clock = new TestClock();
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot({ withWorker: options.withWorker ?? true })],
  });
  if (options.logTo) builder.overrideProvider(LOG_DESTINATION).useValue(options.logTo);
  const moduleRef = await builder
    // A testing module makes its providers before the HTTP adapter exists, so ServeStaticModule would
    // settle for serving nothing; the web app is served through Express, as in main.ts.
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .overrideProvider(AppConfig)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = setUpApp(moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true }), config);
  app.useLogger(app.get(Logger));
  await app.init();
  const queue = app.get<Queue>(getQueueToken(MATCHING_QUEUE));
  const personaTokens = await signInPersonas(app, databaseName, Boolean(options.shareDatabaseWith));

  return {
    app,
    databaseName,
    config,
    clock,
    dataSource: app.get(DataSource),
    queue,
    as: (caller) => apiClient(app, caller, personaTokens),
    sessionOf: (persona) => personaTokens.get(persona.key)!,
    drainQueue: () => waitUntilDrained(queue),
    async close() {
      // A suite that brought its own (unreachable) Redis left nothing in the shared one.
      if (!options.redisUrl) await queue.obliterate({ force: true });
      await app.close();
      // Once their workers have stopped, so no mail or import job is cut off mid-way.
      if (!options.redisUrl) {
        for (const name of [NOTIFICATIONS_QUEUE, REGISTERS_QUEUE]) {
          const worked = new Queue(name, {
            connection: { url: config.REDIS_URL },
            prefix: config.QUEUE_PREFIX,
          });
          await worked.obliterate({ force: true });
          await worked.close();
        }
      }
      // The app whose database this is drops it, and its mail.
      if (!options.shareDatabaseWith) {
        await dropDatabase(databaseName);
        await rm(config.MAIL_DIR, { recursive: true, force: true });
      }
    },
  };
}

export async function waitUntilDrained(queue: Queue, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Jobs a scheduler keeps waiting for their time (the nightly plan) are not work left to do; a plan
    // waiting for its parts is. Delayed ones are counted first: one that becomes due in between is then
    // seen waiting.
    const delayedJobs = (await queue.getDelayed()).filter((job) => !job.repeatJobKey);
    const delayed = delayedJobs.length;
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
    if (delayed === 0 && Object.values(counts).every((count) => count === 0)) return;
    if (Date.now() > deadline)
      throw new Error(
        `Queue not drained in ${timeoutMs} ms: ${JSON.stringify({ ...counts, delayed })}; delayed: ${JSON.stringify(
          // A job retried after failing waits here: why it failed is the clue.
          delayedJobs.map((job) => ({
            name: job.name,
            attempts: job.attemptsMade,
            failed: job.failedReason,
          })),
        )}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A persona's address in this suite's database (host names take hyphens, not underscores). */
export function personaEmail(persona: Persona, databaseName: string): string {
  return `${persona.key}@${databaseName.replaceAll('_', '-')}.example.jp`;
}

/** Every persona gets an account (once per database) and a session of its own in this app. */
async function signInPersonas(app: INestApplication, databaseName: string, accountsExist: boolean) {
  const accounts = app.get(AccountsService);
  const dataSource = app.get(DataSource);
  const tokens = new Map<string, string>();
  for (const persona of PERSONAS) {
    const email = personaEmail(persona, databaseName);
    if (!accountsExist) {
      await dataSource.transaction(async (manager) => {
        const account = await accounts.create(manager, {
          email,
          name: persona.name,
          role: persona.role,
          password: PERSONA_PASSWORD,
          ...(persona.districtCodes ? { districtCodes: persona.districtCodes } : {}),
        });
        if (persona.organisation) {
          const organisation = await manager.save(manager.create(Organisation, persona.organisation));
          await manager.insert(Membership, { accountId: account.id, organisationId: organisation.id });
        }
      });
    }
    tokens.set(persona.key, (await accounts.login(email, PERSONA_PASSWORD, 'test')).token);
  }
  return tokens;
}

export const PERSONA_PASSWORD = 'persona password';
