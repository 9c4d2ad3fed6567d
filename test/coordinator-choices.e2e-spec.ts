import { oneInstructorTwoRequests } from './factories/planning.factory.js';
import { schoolStaff } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

/** The residents proposed for a request and waiting for a coordinator. */
async function waitingFor(t: TestApp, requestId: string): Promise<string[]> {
  const { body } = await t
    .as(coordinator)
    .get(`/requests/${requestId}/proposals?status=proposed`)
    .expect(200);
  return body.items.map((proposal: { volunteer: { id: string } }) => proposal.volunteer.id);
}

describe('Coordinators’ choices a plan must honour', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PLANNING_DEBOUNCE_MS: '50' } });
  });
  afterAll(() => t.close());

  const waiting = async (requestId: string) =>
    (
      await t.as(coordinator).get(`/requests/${requestId}/proposals?status=proposed`).expect(200)
    ).body.items.map((proposal: { volunteer: { id: string } }) => proposal.volunteer.id);

  it('leaves a resident out of a request: honoured by the next plan and by the per-request path, audited', async () => {
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
  });

  it('refuses to leave out an unknown resident, for a school, or one already approved', async () => {
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
  });
});

describe('A proposal a coordinator pins', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PLANNING_DEBOUNCE_MS: '50' } });
  });
  afterAll(() => t.close());

  it('is kept by every new plan until it is unpinned', async () => {
    const { suzuki, tanaka, firstAid, oldGames } = await oneInstructorTwoRequests(t);
    const [pinned] = (
      await t.as(coordinator).get(`/requests/${oldGames}/proposals?status=proposed`).expect(200)
    ).body.items;
    expect(pinned.volunteer.id).toBe(suzuki.id);
    expect((await t.as(coordinator).post(`/proposals/${pinned.id}/lock`).expect(200)).body.locked).toBe(true);

    // Sato lives in Onahama and knows old games as well as Suzuki: without the pin, the plan would send
    // Sato to Onahama and Suzuki to the first-aid class.
    const sato = await activeVolunteer(t.as, {
      name: '佐藤 三郎',
      homeDistrictCode: 'onahama',
      travelDistrictCodes: [],
      skills: [{ skillCode: 'history.old-games', level: 5 }],
    });
    await t.drainQueue();
    expect(await waitingFor(t, oldGames)).toEqual([suzuki.id]);
    expect(await waitingFor(t, firstAid)).toEqual([tanaka.id]);

    await t.as(coordinator).post(`/proposals/${pinned.id}/unlock`).expect(200);
    await t.drainQueue();
    expect(await waitingFor(t, oldGames)).toEqual([sato.id]);
    expect(await waitingFor(t, firstAid)).toEqual([suzuki.id]);
  });
});
