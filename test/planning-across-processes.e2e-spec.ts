import { Queue } from 'bullmq';
import { PLAN_JOB_ID, PLANNING_QUEUE } from '../src/matching/matching.jobs.js';
import { oneInstructorTwoRequests, runCityPlan } from './factories/planning.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';
import { holdAuditWrites, startWorkerProcess, until, type WorkerProcess } from './setup/worker-process.js';

describe('One city-wide plan across worker processes', () => {
  let t: TestApp;
  let parts: Queue;
  const workers: WorkerProcess[] = [];
  const outputs = () => workers.map((worker, i) => `worker ${i}: ${worker.output()}`).join('\n');

  const standingProposals = () =>
    t.dataSource.query(
      `SELECT request_id, volunteer_id, status FROM proposals
        WHERE status <> 'withdrawn' ORDER BY request_id, volunteer_id`,
    );

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    parts = new Queue(PLANNING_QUEUE, {
      connection: { url: t.config.REDIS_URL },
      prefix: t.config.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.crash();
    await parts.obliterate({ force: true });
    await parts.close();
    await t.close();
  });

  it('is split by one process, planned by another, and written exactly once by a third after the writer died', async () => {
    // The first process reads and splits plans and writes them, but plans no part itself.
    workers.push(startWorkerProcess(t, { PLANNER_THREADS: '0' }));
    const { suzuki, tanaka, firstAid, oldGames } = await oneInstructorTwoRequests(t);
    const quickPathProposals = await standingProposals();

    const audit = await holdAuditWrites(t);
    const plan = runCityPlan(t);
    await until(
      async () => (await t.queue.getJobState(PLAN_JOB_ID)) === 'waiting-children',
      () => `the plan to wait for its parts (${outputs()})`,
    );
    // Its part waits on the planning queue, for a process that plans.
    expect(await parts.getJobCounts('waiting', 'active')).toEqual({ waiting: 1, active: 0 });

    workers.push(startWorkerProcess(t));
    await until(audit.writersWaiting, () => `the plan to be written (${outputs()})`, 30_000);
    // Whichever process took up the plan to write it, it dies holding an uncommitted plan.
    for (const worker of workers) await worker.crash();
    await audit.release();
    expect(await standingProposals()).toEqual(quickPathProposals);

    // A fresh process takes over the stalled plan once its lock expires, and writes it.
    workers.push(startWorkerProcess(t));
    expect(await plan).toEqual(expect.objectContaining({ attempts: 1 }));
    expect(await standingProposals()).toEqual(
      [
        { request_id: firstAid, volunteer_id: tanaka.id, status: 'proposed' },
        { request_id: oldGames, volunteer_id: suzuki.id, status: 'proposed' },
      ].sort((a, b) => a.request_id.localeCompare(b.request_id)),
    );
    const [{ n: withdrawals }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'proposal.withdrawn'`,
    );
    expect(withdrawals).toBe(quickPathProposals.length - 2);
    expect(await parts.getJobCounts('failed')).toEqual({ failed: 0 });
  }, 90_000);
});
