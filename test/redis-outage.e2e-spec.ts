import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('When Redis does not answer', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every enqueue waits for a connection that never comes.
    t = await startTestApp({ withWorker: false, redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('still opens the request, and leaves it owed a match run for the sweep', async () => {
    const requestId = await openRequest(t.as, schoolVisitInput());

    expect((await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200)).body.status).toBe('open');
    const [request] = await t.dataSource.query(
      `SELECT revision, matched_revision FROM requests WHERE id = $1`,
      [requestId],
    );
    expect(request.matched_revision).toBeLessThan(request.revision);
  });
});
