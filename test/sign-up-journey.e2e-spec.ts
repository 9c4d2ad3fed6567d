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
});
