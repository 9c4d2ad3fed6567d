import { PASSWORD } from './factories/account.factory.js';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { coordinator, volunteerInput } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('A resident signing up', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('waits for review, is matched only once a coordinator activates them, and sees a proposal once approved', async () => {
    const signedUp = await t
      .as()
      .post('/volunteers/signup', {
        ...volunteerInput({ name: '松本 陽子', nameKana: 'まつもと ようこ' }),
        password: PASSWORD,
      })
      .expect(201);
    const resident = { token: signedUp.body.token as string };
    const id = signedUp.body.account.volunteerId as string;
    expect((await t.as(resident).get(`/volunteers/${id}`).expect(200)).body.status).toBe('pending_review');

    const requestId = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();
    const before = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    expect(before.body.items).toEqual([]);

    await t.as(coordinator).post(`/volunteers/${id}/activate`).expect(200);
    await t.drainQueue();
    const [proposal] = (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body
      .items;
    expect(proposal.volunteer.id).toBe(id);
    expect((await t.as(resident).get(`/volunteers/${id}/proposals`).expect(200)).body.items).toEqual([]);

    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    const mine = await t.as(resident).get(`/volunteers/${id}/proposals`).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: proposal.id, status: 'approved' })]);
  });

  it('is asked for more information, sees the question until they change their profile, and only then is activated', async () => {
    const signedUp = await t
      .as()
      .post('/volunteers/signup', {
        ...volunteerInput({ name: '石井 直子', nameKana: 'いしい なおこ', email: 'naoko.ishii@example.jp' }),
        password: PASSWORD,
      })
      .expect(201);
    const resident = { token: signedUp.body.token as string };
    const id = signedUp.body.account.volunteerId as string;

    const blank = await t.as(coordinator).post(`/volunteers/${id}/request-information`, { message: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ field: 'message' })]);
    await t
      .as(resident)
      .post(`/volunteers/${id}/request-information`, { message: 'Who am I to ask?' })
      .expect(403);

    const message = '保有資格(救命講習)の修了日を教えてください。';
    await t.as(coordinator).post(`/volunteers/${id}/request-information`, { message }).expect(200);
    const asked = await t.as(resident).get(`/volunteers/${id}`).expect(200);
    expect(asked.body.status).toBe('pending_review');
    expect(asked.body.informationRequest).toEqual({ message, requestedAt: expect.any(String) });

    const answered = await t
      .as(resident)
      .patch(`/volunteers/${id}`, {
        learningOutcomes: [
          { kind: 'certificate', title: '普通救命講習', achievedOn: '2025-06-01', skillCodes: [] },
        ],
      })
      .expect(200);
    expect(answered.body.informationRequest).toBeNull();
    expect(answered.body.status).toBe('pending_review');

    await t.as(coordinator).post(`/volunteers/${id}/activate`).expect(200);
    const late = await t
      .as(coordinator)
      .post(`/volunteers/${id}/request-information`, { message: 'One more thing' })
      .expect(409);
    expect(late.body.message).toBe('登録者は現在「活動中」のため、追加情報を依頼できません。');
  });
});
