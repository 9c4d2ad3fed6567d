/**
 * `npm run bench:matching-e2e -- [--seed N] [--quick-runs N]` — build first: `npx nest build`.
 *
 * The matching planner end to end, through PostgreSQL and the queue, at M size: a fresh database
 * `bench_e2e` (dropped first if present) migrated by the service's migrations and seeded with a city of
 * 3,000 residents and 800 open requests (`seed-city-db.ts`); the real worker (`node dist/src/worker.js`,
 * as deployed) on its own queue prefix; then
 * 1. a city-wide plan (job `plan-city` on queue `matching`), and the same plan again, which must change
 *    nothing;
 * 2. the quick path: one new open request at a time, job `match-request`.
 * It prints times, what was written and the worker's memory, and removes everything it made (worker,
 * queues, database), also when it fails or is interrupted.
 *
 * Only the queue contract is assumed (queue `matching`, job `plan-city` with id `plan-city`, job
 * `match-request` with `{ requestId }`), not how a job does its work: a plan that splits itself into
 * child jobs passes through `waiting-children` and is timed from its first start.
 *
 * PostgreSQL: BENCH_DATABASE_SERVER_URL (default postgres://postgres@127.0.0.1:5432); Redis: REDIS_URL
 * (default redis://127.0.0.1:6379); PLANNER_THREADS, when set, is handed to the worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue, QueueEvents, type Job } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { japanDate } from '../../src/common/japan-time.js';
import { AppConfig } from '../../src/config/app-config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MATCHING_QUEUE, PLAN_JOB_ID, PLANNING_QUEUE } from '../../src/matching/matching.jobs.js';
import { MatchingRepository } from '../../src/matching/matching.repository.js';
import { seedCity, type SeededCity } from './seed-city-db.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    'quick-runs': { type: 'string', default: '5' },
  },
});
const SEED = Number(values.seed);
const QUICK_RUNS = Number(values['quick-runs']);
if (!Number.isInteger(SEED) || !Number.isInteger(QUICK_RUNS) || QUICK_RUNS < 1) {
  console.error('--seed and --quick-runs must be integers (--quick-runs at least 1)');
  process.exit(2);
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'bench_e2e';
const DATABASE_URL = `${SERVER_URL}/${DATABASE}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = `bench-e2e-${process.pid}`;
/** The notice every seeded resident agreed to: the one the worker requires when not told otherwise. */
const PRIVACY_NOTICE_VERSION = new AppConfig().PRIVACY_NOTICE_VERSION;
const PLAN_TIMEOUT_MS = 10 * 60_000;
const QUICK_TIMEOUT_MS = 60_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const milliseconds = (ms: number) => `${Math.round(ms)} ms`;
const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (kilobytes: number) => `${Math.round(kilobytes / 1024)} MB`;

/** Things to undo, last made first undone; runs once, whether the bench ends, fails or is interrupted. */
class Teardown {
  private readonly steps: { what: string; undo: () => Promise<unknown> }[] = [];
  private running?: Promise<void>;

  add(what: string, undo: () => Promise<unknown>): void {
    this.steps.push({ what, undo });
  }

  /** Once it runs, what is still going on fails for want of what it used: not worth reporting. */
  get started(): boolean {
    return this.running !== undefined;
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { what, undo } of this.steps.reverse()) {
        await undo().catch((error: unknown) => console.error(`cleanup: ${what} failed: ${String(error)}`));
      }
    })();
    return this.running;
  }
}

/** The worker runs the compiled service; a build older than the sources would measure old code. */
function checkBuild(): void {
  const worker = join(ROOT, 'dist/src/worker.js');
  if (!existsSync(worker)) {
    throw new Error('dist/src/worker.js is missing: run `npx nest build` first');
  }
  const built = statSync(worker).mtimeMs;
  const newer = ['src', 'migrations'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && statSync(join(ROOT, dir, file)).mtimeMs > built,
    ),
  );
  if (newer.length > 0) {
    console.warn(`warning: ${newer.length} source files are newer than dist/ (run \`npx nest build\`)`);
  }
}

async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dropDatabase = () =>
  withServer((client) => client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`));

/** The worker process, with its output kept for error messages and its memory watched. */
function startWorker(mailDir: string) {
  const child: ChildProcess = spawn(process.execPath, ['dist/src/worker.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX,
      MATCHING_SWEEP_EVERY_MS: '0',
      PLANNING_DEBOUNCE_MS: '0',
      LOG_LEVEL: 'warn',
      MAIL_DIR: mailDir,
      ...(process.env.PLANNER_THREADS ? { PLANNER_THREADS: process.env.PLANNER_THREADS } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  // /proc/<pid>/status in kB: VmRSS now, VmHWM the process's peak so far.
  const status = async (field: 'VmRSS' | 'VmHWM') => {
    const text = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  };
  // VmHWM only ever grows; sampling VmRSS gives each phase its own peak.
  let phasePeak = 0;
  const sampler = setInterval(() => {
    void status('VmRSS').then((rss) => (phasePeak = Math.max(phasePeak, rss || 0)));
  }, 50);

  return {
    pid: child.pid!,
    /** What it logged (warnings and errors only), the last 20,000 characters. */
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    rss: () => status('VmRSS'),
    lifetimePeak: () => status('VmHWM'),
    /** The highest RSS sampled since the last call. */
    takePhasePeak: async () => {
      const peak = Math.max(phasePeak, await status('VmRSS'));
      phasePeak = 0;
      return peak;
    },
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exit = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Redis stamps each event's stream id with its own clock, in ms: `<ms>-<sequence>`. */
const eventTime = (eventId: string) => Number(eventId.split('-')[0]);

interface PlanRun {
  result: { proposed: number; withdrawn: number; attempts?: number };
  enqueueToFinish: number;
  firstStartToFinish: number;
  /**
   * When the plan waited for child jobs: from its first start until it waited, while it waited, and
   * from its last start to the end (for the flow in src/matching: read and split, parts, join and write).
   */
  steps: { beforeWaiting: number; waiting: number; afterWaiting: number } | null;
  /** Jobs completed on the planning queue meanwhile (the plan's parts, when it is split). */
  partsPlanned: number;
  proposals: number;
  peakRss: number;
}

interface QuickRun {
  enqueueToFinish: number;
  startToFinish: number;
  proposed: number;
}

async function main(teardown: Teardown): Promise<void> {
  checkBuild();
  const connection = { url: REDIS_URL };

  // 1. A fresh database, migrated and seeded.
  await dropDatabase();
  await withServer((client) => client.query(`CREATE DATABASE "${DATABASE}"`));
  teardown.add('drop the database', dropDatabase);
  const db = new DataSource(dataSourceOptions(DATABASE_URL));
  await db.initialize();
  teardown.add('close the database connection', () => db.destroy());
  let clock = performance.now();
  await db.runMigrations({ transaction: 'each' });
  const migrationMs = performance.now() - clock;

  clock = performance.now();
  const now = new Date();
  const city: SeededCity = await seedCity(db.manager, {
    seed: SEED,
    now,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  });
  // A live database has statistics; freshly bulk-loaded tables have none until autovacuum gets to them.
  await db.query('ANALYZE');
  const seedMs = performance.now() - clock;
  console.log(
    `M city, seed ${SEED}: ${count(city.residents)} residents, ${count(city.openRequests)} open requests ` +
      `(${count(city.seats)} seats) in the 4 weeks from ${japanDate(city.horizonStart)}, ` +
      `${count(city.pastActivities)} past activities; migrated in ${seconds(migrationMs)}, seeded in ${seconds(seedMs)}`,
  );

  // What a plan reads, through the service's own repository, timed here on its own.
  const repository = new MatchingRepository();
  clock = performance.now();
  const state = await repository.planningState(db.manager, now, PRIVACY_NOTICE_VERSION);
  const stateMs = performance.now() - clock;
  const open = state.requests.filter((request) => request.seats > 0);
  clock = performance.now();
  const candidates = await repository.findCandidates(
    db.manager,
    { requestIds: open.map((request) => request.id) },
    now,
    PRIVACY_NOTICE_VERSION,
  );
  const candidatesMs = performance.now() - clock;
  const openSeats = open.reduce((sum, request) => sum + request.seats, 0);
  const residentsWithAny = new Set(candidates.map((candidate) => candidate.volunteerId)).size;
  const requestsWithAny = new Set(candidates.map((candidate) => candidate.requestId)).size;
  console.log(
    `candidate pairs: ${count(candidates.length)} (${count(residentsWithAny)} residents and ` +
      `${count(requestsWithAny)} requests have any); planningState ${seconds(stateMs)}, ` +
      `findCandidates ${seconds(candidatesMs)}`,
  );

  // 2. The worker, on a queue prefix of its own.
  const matching = new Queue(MATCHING_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const planning = new Queue(PLANNING_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const matchingEvents = new QueueEvents(MATCHING_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const planningEvents = new QueueEvents(PLANNING_QUEUE, { connection, prefix: QUEUE_PREFIX });
  teardown.add('close the queues', () =>
    Promise.all([matching, planning, matchingEvents, planningEvents].map((client) => client.close())),
  );
  teardown.add('obliterate the queues', () =>
    Promise.all([matching, planning].map((queue) => queue.obliterate({ force: true }))),
  );
  await Promise.all([matchingEvents.waitUntilReady(), planningEvents.waitUntilReady()]);

  const mailDir = await mkdtemp(join(tmpdir(), 'bench-e2e-mail-'));
  teardown.add('remove the mail directory', () => rm(mailDir, { recursive: true, force: true }));
  clock = performance.now();
  const worker = startWorker(mailDir);
  teardown.add('stop the worker', () => worker.stop());
  try {
    await until(
      async () => {
        if (worker.exited()) throw new Error('the worker exited');
        return (await matching.getWorkersCount()) > 0;
      },
      'the worker to take the matching queue',
      60_000,
    );
  } catch (error) {
    const message = `${String(error)}; worker output:\n${worker.output() || '(none)'}`;
    throw new Error(message, { cause: error });
  }
  const startupMs = performance.now() - clock;
  const startupRss = await worker.takePhasePeak();
  console.log(`worker ${worker.pid} ready in ${seconds(startupMs)}, RSS ${megabytes(await worker.rss())}`);

  const proposedCount = async (requestId?: string) => {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM proposals WHERE status = 'proposed' AND ($1::uuid IS NULL OR request_id = $1)`,
      [requestId ?? null],
    );
    return n;
  };

  /** Waits for a job and reads it back; a failed job throws with its reason and the worker's output. */
  const finished = async <R>(job: Job, timeoutMs: number): Promise<{ job: Job; result: R }> => {
    try {
      const result = (await job.waitUntilFinished(matchingEvents, timeoutMs)) as R;
      return { job: (await matching.getJob(job.id!))!, result };
    } catch (error) {
      const message = `job ${job.id} did not complete: ${String(error)}; worker output:\n${worker.output() || '(none)'}`;
      throw new Error(message, { cause: error });
    }
  };

  // 3. The city-wide plan, twice.
  const runPlan = async (): Promise<PlanRun> => {
    const starts: number[] = [];
    const waits: number[] = [];
    let partsPlanned = 0;
    const onActive = ({ jobId }: { jobId: string }, eventId: string) => {
      if (jobId === PLAN_JOB_ID) starts.push(eventTime(eventId));
    };
    const onWaitingChildren = ({ jobId }: { jobId: string }, eventId: string) => {
      if (jobId === PLAN_JOB_ID) waits.push(eventTime(eventId));
    };
    const onPartDone = () => partsPlanned++;
    matchingEvents.on('active', onActive);
    matchingEvents.on('waiting-children', onWaitingChildren);
    planningEvents.on('completed', onPartDone);
    // One plan at a time under one id: a finished one kept from before would block the new one.
    await (await matching.getJob(PLAN_JOB_ID))?.remove();
    await worker.takePhasePeak();
    try {
      const added = await matching.add('plan-city', {}, { jobId: PLAN_JOB_ID, removeOnComplete: false });
      const { job, result } = await finished<PlanRun['result']>(added, PLAN_TIMEOUT_MS);
      // processedOn is the latest start; the events saw the first (they were listening before the add).
      const [firstStart, lastStart, finishedOn] = [
        starts[0] ?? job.processedOn!,
        job.processedOn!,
        job.finishedOn!,
      ];
      const run: PlanRun = {
        result,
        enqueueToFinish: finishedOn - job.timestamp,
        firstStartToFinish: finishedOn - firstStart,
        steps:
          waits.length === 0
            ? null
            : {
                beforeWaiting: waits[0] - firstStart,
                waiting: lastStart - waits[0],
                afterWaiting: finishedOn - lastStart,
              },
        partsPlanned,
        proposals: await proposedCount(),
        peakRss: await worker.takePhasePeak(),
      };
      await job.remove();
      return run;
    } finally {
      matchingEvents.off('active', onActive);
      matchingEvents.off('waiting-children', onWaitingChildren);
      planningEvents.off('completed', onPartDone);
    }
  };
  const firstPlan = await runPlan();
  const secondPlan = await runPlan();
  const idempotent = secondPlan.result.proposed === 0 && secondPlan.result.withdrawn === 0;

  // 4. The quick path: one new open request at a time, matched at once.
  const quickRuns: QuickRun[] = [];
  for (let i = 0; i < QUICK_RUNS; i++) {
    const requestId = await city.addUrgentRequest(db.manager);
    // Named as the service names it: the request and its revision.
    const added = await matching.add(
      'match-request',
      { requestId },
      { jobId: `match-request_${requestId}_r1`, removeOnComplete: false },
    );
    const { job, result } = await finished<{ proposed: number }>(added, QUICK_TIMEOUT_MS);
    quickRuns.push({
      enqueueToFinish: job.finishedOn! - job.timestamp,
      startToFinish: job.finishedOn! - job.processedOn!,
      proposed: result.proposed,
    });
    if ((await proposedCount(requestId)) !== result.proposed) {
      throw new Error(
        `match-request ${requestId} reported ${result.proposed} proposals, wrote another number`,
      );
    }
  }
  const quickPeakRss = await worker.takePhasePeak();
  const lifetimePeakRss = await worker.lifetimePeak();

  // 5. The figures.
  const planRow = (name: string, run: PlanRun) => [
    name,
    seconds(run.enqueueToFinish),
    seconds(run.firstStartToFinish),
    run.steps
      ? `${seconds(run.steps.beforeWaiting)} / ${seconds(run.steps.waiting)} (${run.partsPlanned} part${run.partsPlanned === 1 ? '' : 's'}) / ${seconds(run.steps.afterWaiting)}`
      : 'did not wait',
    `${count(run.result.proposed)} / ${count(run.result.withdrawn)}`,
    `${count(run.proposals)} / ${count(openSeats)}`,
    megabytes(run.peakRss),
  ];
  const spread = (pick: (run: QuickRun) => number, format: (n: number) => string) => {
    const sorted = quickRuns.map(pick).sort((a, b) => a - b);
    return [sorted[0], sorted[Math.floor((sorted.length - 1) / 2)], sorted[sorted.length - 1]]
      .map(format)
      .join(' / ');
  };
  printTable([
    [
      'job',
      'enqueue → finish',
      'start → finish',
      'before / waiting for children / after',
      'proposed / withdrawn',
      'proposals / open seats',
      'worker peak RSS',
    ],
    planRow('plan-city', firstPlan),
    planRow('plan-city again', secondPlan),
    [
      `match-request ×${QUICK_RUNS} (min / median / max)`,
      spread((run) => run.enqueueToFinish, milliseconds),
      spread((run) => run.startToFinish, milliseconds),
      '',
      spread((run) => run.proposed, String),
      '',
      megabytes(quickPeakRss),
    ],
  ]);
  console.log(
    `worker RSS: ${megabytes(startupRss)} at start, peak ${megabytes(lifetimePeakRss)} (VmHWM); ` +
      `second plan ${idempotent ? 'changed nothing' : 'CHANGED PROPOSALS: the plan is not idempotent'}`,
  );
  if (worker.output()) console.log(`the worker logged:\n${worker.output()}`);
  if (!idempotent) process.exitCode = 1;
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])));
  console.log();
  for (const row of rows) console.log(line(row).join('  '));
  console.log();
}

const teardown = new Teardown();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: cleaning up (a busy worker gets 15 s to finish its job)`);
    void teardown.run().finally(() => process.exit(130));
  });
}
try {
  await main(teardown);
} catch (error) {
  if (!teardown.started) console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await teardown.run();
}
