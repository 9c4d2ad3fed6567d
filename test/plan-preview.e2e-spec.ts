import { otherSchoolStaff, tairaCoordinator } from './factories/personas.js';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('The city-wide plan, as a dry run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives the one instructor to the request no one else can take, shows what would change, and writes nothing', async () => {
    // Suzuki can teach first aid and old games; Tanaka only first aid. Both requests fall on the same
    // morning, so Suzuki can take one of them at most.
    const suzuki = await activeVolunteer(t.as, {
      name: '鈴木 一郎',
      travelDistrictCodes: ['onahama'],
      skills: [
        { skillCode: 'disaster.first-aid', level: 5 },
        { skillCode: 'history.old-games', level: 5 },
      ],
    });
    const tanaka = await activeVolunteer(t.as, {
      name: '田中 次郎',
      skills: [{ skillCode: 'disaster.first-aid', level: 3 }],
    });
    const firstAid = await openRequest(t.as, schoolVisitInput());
    const created = await t
      .as(otherSchoolStaff)
      .post(
        '/requests',
        schoolVisitInput({
          title: '昔遊び体験',
          districtCode: 'onahama',
          requiredSkills: [{ skillCode: 'history.old-games', minLevel: 3 }],
        }),
      )
      .expect(201);
    const oldGames = created.body.id as string;
    await t.as(otherSchoolStaff).post(`/requests/${oldGames}/open`).expect(200);
    await t.drainQueue();
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
    expect(await t.dataSource.query(`SELECT id, status, updated_at FROM proposals ORDER BY id`)).toEqual(
      before,
    );

    // Taira's coordinator sees the plan for Taira only.
    const taira = await t.as(tairaCoordinator).get('/matching/plan-preview').expect(200);
    expect(taira.body.pairs.map((pair: { requestId: string }) => pair.requestId)).toEqual([firstAid]);
  });
});
