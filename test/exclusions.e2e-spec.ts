import { oneInstructorTwoRequests } from './factories/planning.factory.js';
import { schoolStaff } from './factories/request.factory.js';
import { coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('A coordinator leaving a resident out of a request', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PLANNING_DEBOUNCE_MS: '50' } });
  });
  afterAll(() => t.close());

  const waiting = async (requestId: string) =>
    (
      await t.as(coordinator).get(`/requests/${requestId}/proposals?status=proposed`).expect(200)
    ).body.items.map((proposal: { volunteer: { id: string } }) => proposal.volunteer.id);

  it('is honoured by the next plan and by the per-request path, and is audited', async () => {
    const { suzuki, tanaka, firstAid, oldGames } = await oneInstructorTwoRequests(t);
    expect(await waiting(firstAid)).toEqual([tanaka.id]);

    await t
      .as(coordinator)
      .post(`/requests/${firstAid}/exclusions`, { volunteerId: tanaka.id, reason: '同校の保護者のため' })
      .expect(200);
    await t.drainQueue();

    // Tanaka is out; the plan now weighs Suzuki for both classes and gives her the one worth more.
    expect(await waiting(firstAid)).not.toContain(tanaka.id);
    expect([...(await waiting(firstAid)), ...(await waiting(oldGames))]).toEqual([suzuki.id]);
    const [entry] = (await t.as(coordinator).get(`/audit?subjectId=${firstAid}`).expect(200)).body.items;
    expect(entry).toMatchObject({ action: 'request.volunteerExcluded' });
  }, 20_000);

  it('refuses an unknown resident, a school, and a resident already approved', async () => {
    const { tanaka, firstAid } = await oneInstructorTwoRequests(t);
    const [proposal] = (
      await t.as(coordinator).get(`/requests/${firstAid}/proposals?status=proposed`).expect(200)
    ).body.items;
    await t
      .as(coordinator)
      .post(`/requests/${firstAid}/exclusions`, {
        volunteerId: '00000000-0000-4000-8000-000000000000',
        reason: 'x',
      })
      .expect(404);
    await t
      .as(schoolStaff)
      .post(`/requests/${firstAid}/exclusions`, { volunteerId: tanaka.id, reason: 'x' })
      .expect(403);
    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    const refused = await t
      .as(coordinator)
      .post(`/requests/${firstAid}/exclusions`, { volunteerId: proposal.volunteer.id, reason: 'x' })
      .expect(409);
    expect(refused.body.message).toContain('除外');
  }, 20_000);
});
