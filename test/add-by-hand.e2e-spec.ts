import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

/** A resident who knows local history, not first aid: the worker never proposes them for a first-aid class. */
const historian = {
  skills: [{ skillCode: 'history.old-games', level: 4 }],
  availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '08:00', endTime: '20:00' })),
};

describe('A coordinator adding a resident to a request by hand', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const search = async (requestId: string, query: string) =>
    (await t.as(coordinator).get(`/requests/${requestId}/resident-search?${query}`).expect(200)).body;

  it('finds residents the worker would not propose, free for the sessions first, and adds one approved', async () => {
    const requestId = await openRequest(t.as, schoolVisitInput({ title: '昔の遊びと応急手当' }));
    const [{ day }] = await t.dataSource.query(
      `SELECT to_char(starts_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day FROM request_slots WHERE request_id = $1`,
      [requestId],
    );
    const free = await activeVolunteer(t.as, { ...historian, name: '木村 一', nameKana: 'きむら はじめ' });
    const weekendsOnly = await activeVolunteer(t.as, {
      ...historian,
      name: '木村 二郎',
      nameKana: 'きむら じろう',
      availability: [6, 7].map((weekday) => ({ weekday, startTime: '08:00', endTime: '20:00' })),
    });
    const away = await activeVolunteer(t.as, {
      ...historian,
      name: '木村 三郎',
      nameKana: 'きむら さぶろう',
      unavailableDates: [{ date: day }],
    });
    await t.drainQueue();

    const everyone = await search(requestId, 'q=きむら');
    expect(everyone.items.map((resident: { id: string }) => resident.id)).toEqual([
      free.id,
      away.id,
      weekendsOnly.id,
    ]);
    expect(everyone.items[0]).toMatchObject({
      name: '木村 一',
      skills: [{ skillCode: 'history.old-games', level: 4 }],
      freeForSessions: true,
      proposalStatus: null,
    });
    expect(everyone.items[1].freeForSessions).toBe(false);

    const onlyFree = await search(requestId, 'q=きむら&freeForSessions=true&skillCode=history.old-games');
    expect(onlyFree.items.map((resident: { id: string }) => resident.id)).toEqual([free.id]);
    expect(onlyFree.total).toBe(1);

    const added = await t.as(coordinator).post(`/requests/${requestId}/proposals`, { volunteerId: free.id });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'approved', explanation: { addedByHand: true } });
    const mine = await t.as(free).get(`/volunteers/${free.id}/proposals`).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: added.body.id, status: 'approved' })]);
    const audited = await t.dataSource.query(
      `SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY id`,
      [added.body.id],
    );
    expect(audited.map((entry: { action: string }) => entry.action)).toEqual([
      'proposal.addedByHand',
      'proposal.approved',
    ]);
    expect((await search(requestId, 'q=きむら はじめ')).items[0].proposalStatus).toBe('approved');

    // Decided once: adding them again is a conflict, and so is adding anyone to a full request.
    await t.as(coordinator).post(`/requests/${requestId}/proposals`, { volunteerId: free.id }).expect(409);
    const full = await t
      .as(coordinator)
      .post(`/requests/${requestId}/proposals`, { volunteerId: away.id })
      .expect(409);
    expect(full.body.message).toMatch(/1/);
    const rows = await t.dataSource.query(`SELECT volunteer_id FROM proposals WHERE request_id = $1`, [
      requestId,
    ]);
    expect(rows).toEqual([{ volunteer_id: free.id }]);
  });

  it('refuses someone booked elsewhere at the same time, writing nothing', async () => {
    const first = await openRequest(t.as, schoolVisitInput({ title: '午前の部' }));
    const second = await openRequest(t.as, schoolVisitInput({ title: '同じ時間の別の学校' }));
    const busy = await activeVolunteer(t.as, {
      ...historian,
      name: '山口 忙',
      nameKana: 'やまぐち いそがし',
    });
    await t.as(coordinator).post(`/requests/${first}/proposals`, { volunteerId: busy.id }).expect(201);

    const [listed] = (await search(second, 'q=やまぐち')).items;
    expect(listed).toMatchObject({ id: busy.id, freeForSessions: false });
    const refused = await t
      .as(coordinator)
      .post(`/requests/${second}/proposals`, { volunteerId: busy.id })
      .expect(409);
    expect(refused.body.error).toBe('ConflictError');
    expect(
      await t.dataSource.query(`SELECT 1 FROM proposals WHERE request_id = $1 AND volunteer_id = $2`, [
        second,
        busy.id,
      ]),
    ).toEqual([]);
  });

  it('answers a wrong or unknown resident clearly', async () => {
    const requestId = await openRequest(t.as, schoolVisitInput());
    const wrong = await t
      .as(coordinator)
      .post(`/requests/${requestId}/proposals`, { volunteerId: 'someone' })
      .expect(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'volunteerId' })]);
    await t
      .as(coordinator)
      .post(`/requests/${requestId}/proposals`, { volunteerId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    await t.as(coordinator).get(`/requests/${requestId}/resident-search?freeForSessions=maybe`).expect(400);
  });
});
