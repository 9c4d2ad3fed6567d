import { schoolStaff, tairaCoordinator } from './factories/personas.js';
import { oneInstructorTwoRequests } from './factories/planning.factory.js';
import { coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('The city-wide plan, as a dry run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives the one instructor to the request no one else can take, shows what would change, and writes nothing', async () => {
    const { suzuki, tanaka, firstAid, oldGames } = await oneInstructorTwoRequests(t);
    const before = await t.dataSource.query(`SELECT id, status, updated_at FROM proposals ORDER BY id`);

    const preview = await t.as(coordinator).get('/matching/plan-preview').expect(200);

    expect(preview.body.pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: firstAid, volunteerId: tanaka.id }),
        expect.objectContaining({ requestId: oldGames, volunteerId: suzuki.id }),
      ]),
    );
    expect(preview.body.seats).toEqual({ open: 2, planned: 2 });
    expect(preview.body.withdrawn).toContainEqual({ requestId: firstAid, volunteerId: suzuki.id });
    // What changes is named, so a coordinator reads people and requests rather than ids.
    expect(preview.body.volunteers).toEqual([{ id: suzuki.id, name: '鈴木 一郎' }]);
    expect(preview.body.requests).toEqual([{ id: firstAid, title: '5年生 応急手当教室' }]);
    expect(await t.dataSource.query(`SELECT id, status, updated_at FROM proposals ORDER BY id`)).toEqual(
      before,
    );

    // Taira's coordinator sees the plan for Taira only.
    const taira = await t.as(tairaCoordinator).get('/matching/plan-preview').expect(200);
    expect(taira.body.pairs.map((pair: { requestId: string }) => pair.requestId)).toEqual([firstAid]);

    // The coordinator, having looked, makes the plan now: what the dry run showed is what gets written.
    await t.as(coordinator).post('/matching/plan').expect(202);
    await t.drainQueue();
    const standing = await t.dataSource.query(
      `SELECT request_id, volunteer_id FROM proposals WHERE status = 'proposed' ORDER BY request_id, volunteer_id`,
    );
    expect(standing).toEqual(
      preview.body.pairs
        .map((pair: { requestId: string; volunteerId: string }) => ({
          request_id: pair.requestId,
          volunteer_id: pair.volunteerId,
        }))
        .sort((a: { request_id: string }, b: { request_id: string }) =>
          a.request_id.localeCompare(b.request_id),
        ),
    );
    // Tanaka got the first-aid class; the coordinator sees who else the plan weighed for it, by name, and
    // that Suzuki went to the class only he could take. The school does not.
    const [planned] = (
      await t.as(coordinator).get(`/requests/${firstAid}/proposals?status=proposed`).expect(200)
    ).body.items;
    expect(planned.explanation.plan.alternatives).toContainEqual(
      expect.objectContaining({ volunteerId: suzuki.id, reason: 'assignedElsewhere' }),
    );
    expect(planned.alternativeNames).toContainEqual({ id: suzuki.id, name: '鈴木 一郎' });
    await t.as(coordinator).post(`/proposals/${planned.id}/approve`).expect(200);
    const [seenBySchool] = (await t.as(schoolStaff).get(`/requests/${firstAid}/proposals`).expect(200)).body
      .items;
    expect(seenBySchool.alternativeNames).toBeUndefined();
    expect(seenBySchool.explanation.plan.alternatives).toBeUndefined();
    await t.as(tairaCoordinator).post('/matching/plan').expect(202);
    await t.as().post('/matching/plan').expect(401);
  });
});
