import { MatchingTrigger } from '../src/matching/matching-trigger.service.js';
import { MATCHING_JOB_OPTIONS } from '../src/matching/matching.jobs.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { slot, upcoming } from './factories/time.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, waitUntilDrained, type TestApp } from './setup/test-app.js';
import { holdAuditWrites, startWorkerProcess, until, type WorkerProcess } from './setup/worker-process.js';

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

describe('The matching worker', () => {
  describe('inside the API process', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('runs a change once, and writes nothing new when its job runs again', async () => {
      await activeVolunteer(t.as);
      await activeVolunteer(t.as);
      const requestId = await openRequest(t.as, schoolVisitInput());
      await t.drainQueue();
      const before = await proposalState(t);
      expect(before.proposals).toHaveLength(2);
      const [{ revision }] = await t.dataSource.query(`SELECT revision FROM requests WHERE id = $1`, [
        requestId,
      ]);
      const job = (await t.queue.getJob(`match-request_${requestId}_r${revision}`))!;
      expect(await job.isCompleted()).toBe(true);
      expect(job.returnvalue).toEqual({ proposed: 2, withdrawn: 0 });

      // The same change announced again is the same job: nothing is added.
      await t.app.get(MatchingTrigger).requestChanged({ id: requestId, revision });
      await t.drainQueue();
      const runs = (await t.queue.getJobs(['completed', 'failed'])).filter(
        (run) => run.name === 'match-request' && (run.data as { requestId?: string }).requestId === requestId,
      );
      expect(runs.map((run) => run.id)).toEqual([job.id]);
      // The job itself run a second time, as after a crash between its commit and its acknowledgement.
      await job.retry('completed');
      await t.drainQueue();

      const again = (await t.queue.getJob(job.id!))!;
      expect(await again.isCompleted()).toBe(true);
      expect(again.returnvalue).toEqual({ proposed: 0, withdrawn: 0 });
      expect(await proposalState(t)).toEqual(before);
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
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      t = await startTestApp({ withWorker: false });
    });
    afterAll(async () => {
      for (const worker of workers) await worker.crash();
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

      const audit = await holdAuditWrites(t);
      const doomed = startWorkerProcess(t);
      workers.push(doomed);
      await until(
        audit.writersWaiting,
        () => `the worker to block writing its audit entries (worker output: ${doomed.output()})`,
      );
      await doomed.crash();
      await audit.release();
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM proposals`)).toEqual([{ n: 0 }]);

      workers.push(startWorkerProcess(t));
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
