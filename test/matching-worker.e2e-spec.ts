import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { MATCHING_JOB_OPTIONS } from '../src/matching/matching.jobs.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { slot, upcoming } from './factories/time.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, waitUntilDrained, type TestApp } from './setup/test-app.js';

/** The snapshot of everything a match run writes, to compare before and after another run. */
async function proposalState(t: TestApp) {
  return {
    proposals: await t.dataSource.query(
      `SELECT id, volunteer_id, status, score, updated_at FROM proposals ORDER BY id`,
    ),
    audit: await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action LIKE 'proposal.%'`,
    ),
  };
}

async function until(
  condition: () => Promise<boolean>,
  what: () => string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const LOCK_WAITERS = `SELECT count(*)::int AS n FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND datname = current_database()`;

describe('The matching worker', () => {
  describe('inside the API process', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('writes nothing new when the same job runs again', async () => {
      await activeVolunteer(t.as);
      await activeVolunteer(t.as);
      const requestId = await openRequest(t.as, schoolVisitInput());
      await t.drainQueue();
      const before = await proposalState(t);
      expect(before.proposals).toHaveLength(2);

      for (const jobId of ['replayed-1', 'replayed-2']) {
        await t.queue.add('match-request', { requestId }, { ...MATCHING_JOB_OPTIONS, jobId });
      }
      await t.queue.add('match-request', { requestId }, { ...MATCHING_JOB_OPTIONS, jobId: 'replayed-1' });
      await t.drainQueue();

      expect(await proposalState(t)).toEqual(before);
      expect((await t.queue.getJob('replayed-2'))?.finishedOn).toBeDefined();
    });
    it('brings in the next candidate when a resident declines', async () => {
      const input = schoolVisitInput({
        requiredSkills: [{ skillCode: 'safety.traffic-safety', minLevel: 1 }],
        slots: [slot(upcoming(4, 3), '10:00', '11:00')],
      });
      const residents = [];
      for (const level of [5, 4, 3, 2]) {
        residents.push(
          await activeVolunteer(t.as, { skills: [{ skillCode: 'safety.traffic-safety', level }] }),
        );
      }
      const requestId = await openRequest(t.as, input);
      await t.drainQueue();
      const proposed = async () =>
        (
          await t.as(coordinator).get(`/requests/${requestId}/proposals?status=proposed`).expect(200)
        ).body.items.map((proposal: { volunteer: { id: string } }) => proposal.volunteer.id);
      const [best, second, third, fourth] = residents.map((resident) => resident.id);
      expect(await proposed()).toEqual([best, second, third]);

      const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
      await t.as(coordinator).post(`/proposals/${body.items[0].id}/approve`).expect(200);
      await t.as(residents[0]).post(`/proposals/${body.items[0].id}/decline`).expect(200);
      await t.drainQueue();

      expect(await proposed()).toEqual([second, third, fourth]);
    });

    it('expires open requests past their deadline on the sweep; whoever accepted still does it', async () => {
      const arts = { skills: [{ skillCode: 'arts.music', level: 4 }] };
      const accepted = await activeVolunteer(t.as, arts);
      const onlyApproved = await activeVolunteer(t.as, arts);
      await activeVolunteer(t.as, arts);
      const input = schoolVisitInput({
        need: 3,
        requiredSkills: [{ skillCode: 'arts.music', minLevel: 3 }],
        slots: [slot(upcoming(5, 3), '10:00', '11:00')],
      });
      const requestId = await openRequest(t.as, input);
      await t.drainQueue();
      const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
      const proposalOf = (resident: { id: string }) =>
        body.items.find((p: { volunteer: { id: string } }) => p.volunteer.id === resident.id).id as string;
      for (const resident of [accepted, onlyApproved]) {
        await t
          .as(coordinator)
          .post(`/proposals/${proposalOf(resident)}/approve`)
          .expect(200);
      }
      await t
        .as(accepted)
        .post(`/proposals/${proposalOf(accepted)}/accept`)
        .expect(200);

      t.clock.travelTo(new Date(new Date(input.deadline).getTime() + 60_000));
      await t.queue.add('sweep', {}, { ...MATCHING_JOB_OPTIONS, jobId: 'sweep-after-deadline' });
      await t.drainQueue();

      expect((await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200)).body.status).toBe('expired');
      const after = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
      const statuses = after.body.items.map((p: { volunteer: { id: string }; status: string }) => [
        p.volunteer.id,
        p.status,
      ]);
      expect(Object.fromEntries(statuses)).toMatchObject({
        [accepted.id]: 'accepted',
        [onlyApproved.id]: 'withdrawn',
      });
      expect(statuses.filter(([, status]: string[]) => status === 'proposed')).toEqual([]);
      const held = await t.dataSource.query(`SELECT volunteer_id FROM bookings WHERE proposal_id = ANY($1)`, [
        after.body.items.map((p: { id: string }) => p.id),
      ]);
      expect(held).toEqual([{ volunteer_id: accepted.id }]);

      t.clock.travelTo(input.slots[0].endsAt);
      await t
        .as(schoolStaff)
        .post(`/proposals/${proposalOf(accepted)}/complete`, { hours: 1 })
        .expect(200);
      t.clock.backToNow();
      expect((await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200)).body.status).toBe(
        'completed',
      );
    });

    it('enqueues on the sweep a match run that a lost enqueue left owed', async () => {
      await activeVolunteer(t.as, { skills: [{ skillCode: 'rights.peace', level: 4 }] });
      const requestId = await openRequest(
        t.as,
        schoolVisitInput({
          requiredSkills: [{ skillCode: 'rights.peace', minLevel: 3 }],
          slots: [slot(upcoming(1, 4), '10:00', '11:00')],
        }),
      );
      await t.drainQueue();
      // As if the request had changed while Redis was down: a revision no match run has seen.
      await t.dataSource.query(`UPDATE requests SET revision = revision + 1 WHERE id = $1`, [requestId]);
      await t.dataSource.query(`DELETE FROM proposals WHERE request_id = $1`, [requestId]);

      await t.queue.add('sweep', {}, { ...MATCHING_JOB_OPTIONS, jobId: 'sweep-owed' });
      await t.drainQueue();

      const [request] = await t.dataSource.query(
        `SELECT revision, matched_revision FROM requests WHERE id = $1`,
        [requestId],
      );
      expect(request.matched_revision).toBe(request.revision);
      expect((await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body.total).toBe(
        1,
      );
    });
  });

  describe('as its own process', () => {
    let t: TestApp;
    const workers: ChildProcess[] = [];
    let workerOutput = '';

    function startWorker(): ChildProcess {
      const worker = spawn(process.execPath, ['dist/src/worker.js'], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: t.config.DATABASE_URL,
          REDIS_URL: t.config.REDIS_URL,
          QUEUE_PREFIX: t.config.QUEUE_PREFIX,
          MATCHING_SWEEP_EVERY_MS: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
      worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
      workers.push(worker);
      return worker;
    }

    beforeAll(async () => {
      t = await startTestApp({ withWorker: false });
    });
    afterAll(async () => {
      for (const worker of workers) worker.kill('SIGKILL');
      await t.close();
    });

    it('leaves no duplicate proposals when killed mid-run and restarted', async () => {
      const volunteers = [
        await activeVolunteer(t.as),
        await activeVolunteer(t.as),
        await activeVolunteer(t.as),
      ];
      const requestId = await openRequest(t.as, schoolVisitInput());
      // One run per resident activated, one for the request opened; no worker has taken any yet.
      expect(await t.queue.getJobCounts('waiting')).toEqual({ waiting: volunteers.length + 1 });

      // Hold the request's row lock so the worker's match run stops inside its transaction.
      const blocker = new pg.Client({ connectionString: t.config.DATABASE_URL });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM requests WHERE id = $1 FOR UPDATE', [requestId]);

      const doomed = startWorker();
      // Asked on another connection: inside the blocker's transaction, pg_stat_activity is a frozen snapshot.
      await until(
        async () => (await t.dataSource.query(LOCK_WAITERS))[0].n > 0,
        () => `the worker to block on the request lock (worker output: ${workerOutput || 'none'})`,
      );
      doomed.kill('SIGKILL');
      await once(doomed, 'exit');
      await blocker.query('ROLLBACK');
      await blocker.end();
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM proposals`)).toEqual([{ n: 0 }]);

      startWorker();
      await waitUntilDrained(t.queue, 40_000);

      const proposals = await t.dataSource.query(
        `SELECT volunteer_id, count(*)::int AS n FROM proposals WHERE request_id = $1 GROUP BY volunteer_id`,
        [requestId],
      );
      expect(proposals).toHaveLength(volunteers.length);
      expect(proposals.every((row: { n: number }) => row.n === 1)).toBe(true);
      const audited = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'proposal.proposed'`,
      );
      expect(audited[0].n).toBe(volunteers.length);
      expect(await t.queue.getJobCounts('failed')).toEqual({ failed: 0 });
    }, 60_000);
  });
});
