import { MATCHING_JOB_OPTIONS } from '../src/matching/matching.jobs.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('When Redis does not answer', () => {
  let outage: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every enqueue waits for a connection that never comes.
    outage = await startTestApp({ withWorker: false, redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(() => outage.close());

  it('still opens the request, and the sweep matches it once Redis is back', async () => {
    const resident = await activeVolunteer(outage.as);
    const requestId = await openRequest(outage.as, schoolVisitInput());
    expect((await outage.as(schoolStaff).get(`/requests/${requestId}`).expect(200)).body.status).toBe('open');

    // Redis is back: the same database, served by an API with a reachable Redis and its worker.
    const recovered = await startTestApp({ shareDatabaseWith: outage });
    try {
      await recovered.queue.add('sweep', {}, { ...MATCHING_JOB_OPTIONS, jobId: 'sweep-after-outage' });
      await recovered.drainQueue();
      const { body } = await recovered.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
      expect(body.items.map((p: { volunteer: { id: string } }) => p.volunteer.id)).toEqual([resident.id]);
    } finally {
      await recovered.close();
    }
  });
});
