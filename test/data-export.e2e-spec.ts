import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('A resident downloading their data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gets one JSON document with their profile, account, proposals with feedback, and the audit trail about them', async () => {
    const resident = await activeVolunteer(t.as, { skills: [{ skillCode: 'history.old-games', level: 5 }] });
    const neighbour = await activeVolunteer(t.as);
    const requestId = await openRequest(
      t.as,
      schoolVisitInput({ requiredSkills: [{ skillCode: 'history.old-games', minLevel: 3 }] }),
    );
    await t.drainQueue();
    const [proposal] = (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body
      .items;
    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    await t.as(resident).post(`/proposals/${proposal.id}/accept`).expect(200);

    const other = await openRequest(t.as, schoolVisitInput({ title: '6年生 昔遊び' }));
    await t
      .as(coordinator)
      .post(`/requests/${other}/exclusions`, { volunteerId: resident.id, reason: '同じ学校の保護者のため' })
      .expect(200);

    const response = await t.as(resident).get(`/volunteers/${resident.id}/export`).expect(200);

    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.body;
    expect(data.profile).toMatchObject({
      id: resident.id,
      name: '鈴木 花子',
      skills: [{ skillCode: 'history.old-games', level: 5 }],
    });
    expect(data.account).toMatchObject({ email: data.profile.email, role: 'volunteer', status: 'active' });
    expect(data.proposals).toEqual([
      expect.objectContaining({
        id: proposal.id,
        status: 'accepted',
        request: expect.objectContaining({ id: requestId, organisation: 'いわき市立平第一小学校' }),
      }),
    ]);
    expect(data.exclusions).toEqual([
      expect.objectContaining({ request_id: other, reason: '同じ学校の保護者のため' }),
    ]);
    expect(data.auditTrail.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining([
        'volunteer.registered',
        'volunteer.activated',
        'proposal.approved',
        'proposal.accepted',
      ]),
    );
    await t.as(neighbour).get(`/volunteers/${resident.id}/export`).expect(404);
    await t.as(coordinator).get(`/volunteers/${resident.id}/export`).expect(403);
  });
});
