import { jest } from '@jest/globals';
import { MatchingRepository } from '../src/matching/matching.repository.js';
import { signIn } from './factories/account.factory.js';
import { oneInstructorTwoRequests, runCityPlan } from './factories/planning.factory.js';
import { schoolStaff } from './factories/request.factory.js';
import { coordinator, type SignedInResident } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

const TANAKA_EMAIL = 'tanaka.jiro.planning@example.jp';

describe('The city-wide plan, through the queue', () => {
  let t: TestApp;
  let suzuki: SignedInResident;
  let tanaka: SignedInResident;
  let firstAid: string;
  let oldGames: string;

  const proposalsOf = async (requestId: string) =>
    (
      await t.dataSource.query(
        `SELECT volunteer_id, status FROM proposals WHERE request_id = $1 AND status <> 'withdrawn' ORDER BY volunteer_id`,
        [requestId],
      )
    ).map((row: { volunteer_id: string; status: string }) => [row.volunteer_id, row.status]);

  beforeAll(async () => {
    t = await startTestApp({ env: { PLANNING_DEBOUNCE_MS: '50' } });
    ({ suzuki, tanaka, firstAid, oldGames } = await oneInstructorTwoRequests(t, TANAKA_EMAIL));
  });
  afterAll(() => t.close());

  it('replaces the quick per-request proposals with the plan: the one instructor goes where no one else can', async () => {
    expect(await proposalsOf(firstAid)).toEqual([[tanaka.id, 'proposed']]);
    expect(await proposalsOf(oldGames)).toEqual([[suzuki.id, 'proposed']]);
  });

  it('writes a plan once: running it again changes nothing and audits nothing', async () => {
    const audited = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_entries WHERE action LIKE 'proposal.%'`,
        )
      )[0].n;
    const before = await audited();
    const again = await runCityPlan(t);
    const twice = await runCityPlan(t);
    expect([again, twice]).toEqual([
      { proposed: 0, withdrawn: 0, attempts: 1 },
      { proposed: 0, withdrawn: 0, attempts: 1 },
    ]);
    expect(await audited()).toBe(before);
  });

  it('starts over when its inputs change while it plans, and writes the fresh plan', async () => {
    const findCandidates: MatchingRepository['findCandidates'] = Reflect.get(
      MatchingRepository.prototype,
      'findCandidates',
    );
    let changed = false;
    const spy = jest.spyOn(MatchingRepository.prototype, 'findCandidates').mockImplementation(async function (
      this: MatchingRepository,
      ...args
    ) {
      const rows = await findCandidates.apply(this, args);
      if (!changed) {
        changed = true;
        // Tanaka is suspended while the first attempt is being planned.
        await t.as(coordinator).post(`/volunteers/${tanaka.id}/suspend`, { reason: '体調不良' }).expect(200);
      }
      return rows;
    });
    try {
      const outcome = await runCityPlan(t);
      expect(outcome.attempts).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(await proposalsOf(firstAid)).toEqual([[suzuki.id, 'proposed']]);
    expect(await proposalsOf(oldGames)).toEqual([]);
    await t.as(coordinator).post(`/volunteers/${tanaka.id}/activate`).expect(200);
    tanaka = { id: tanaka.id, ...(await signIn(t, TANAKA_EMAIL)) };
    await t.drainQueue();
  });

  it('leaves approved and accepted proposals exactly as they are', async () => {
    expect(await proposalsOf(firstAid)).toEqual([[tanaka.id, 'proposed']]);
    const [proposal] = (
      await t.as(coordinator).get(`/requests/${firstAid}/proposals?status=proposed`).expect(200)
    ).body.items;
    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    await t.as(tanaka).post(`/proposals/${proposal.id}/accept`).expect(200);
    const [before] = await t.dataSource.query(
      `SELECT status, updated_at, score FROM proposals WHERE id = $1`,
      [proposal.id],
    );
    await t.drainQueue();
    await runCityPlan(t);
    const [after] = await t.dataSource.query(
      `SELECT status, updated_at, score FROM proposals WHERE id = $1`,
      [proposal.id],
    );
    expect(after).toEqual(before);
    expect(after.status).toBe('accepted');
    expect(await proposalsOf(oldGames)).toEqual([[suzuki.id, 'proposed']]);
  });

  it('tells the coordinator what the plan gave up: Suzuki went to the class no one else could take', async () => {
    // Tanaka's proposal, made by the plan, since approved and accepted.
    const accepted = await t
      .as(coordinator)
      .get(`/requests/${firstAid}/proposals?status=accepted`)
      .expect(200);
    const [proposal] = accepted.body.items;
    expect(proposal.explanation.plan).toEqual({
      recentActivities: 0,
      plannedActivities: 1,
      fairnessCost: 0,
      alternatives: [
        {
          volunteerId: suzuki.id,
          score: expect.any(Number),
          reason: 'assignedElsewhere',
          elsewhere: [{ requestId: oldGames, candidates: 1 }],
        },
      ],
    });
    expect(proposal.explanation.parts.map((part: { name: string }) => part.name)).toContain('skillLevel');
    // The school hears nothing of other residents.
    const seen = await t.as(schoolStaff).get(`/proposals/${proposal.id}`).expect(200);
    expect(seen.body.explanation.plan).toEqual({
      recentActivities: 0,
      plannedActivities: 1,
      fairnessCost: 0,
    });
  });
});
