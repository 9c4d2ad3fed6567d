import {
  familySupportInput,
  openRequest,
  schoolStaff,
  schoolVisitInput,
} from './factories/request.factory.js';
import { slot, upcoming } from './factories/time.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('Every step of the approval flow is checked', () => {
  let t: TestApp;
  let week = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A resident with a skill of their own and a request only they fit, each test on a later week. */
  async function pairing(skillCode: string) {
    week += 1;
    const resident = await activeVolunteer(t.as, { skills: [{ skillCode, level: 4 }] });
    const requestId = await openRequest(
      t.as,
      schoolVisitInput({
        requiredSkills: [{ skillCode, minLevel: 3 }],
        slots: [slot(upcoming(2, 2 + week), '10:00', '11:00')],
      }),
    );
    await t.drainQueue();
    const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    return { resident, requestId, proposalId: body.items[0].id as string };
  }

  it('refuses to accept a proposal the coordinator rejected, or to approve it afterwards', async () => {
    const { resident, proposalId } = await pairing('arts.music');
    await t.as(coordinator).post(`/proposals/${proposalId}/reject`, { reason: '同日に別件あり' }).expect(200);

    const accepted = await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(409);
    expect(accepted.body).toMatchObject({ statusCode: 409, error: 'ConflictError' });
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(409);
  });

  it('refuses to approve a resident who has withdrawn, and releases what they held', async () => {
    const { resident, proposalId } = await pairing('arts.painting');
    await t.as(resident).post(`/volunteers/${resident.id}/withdraw`, { reason: '転居のため' }).expect(200);

    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(409);
    const proposal = await t.as(coordinator).get(`/proposals/${proposalId}`).expect(200);
    expect(proposal.body.status).toBe('withdrawn');
  });

  it('gives the request back to matching when an accepted resident is suspended', async () => {
    const { resident, requestId, proposalId } = await pairing('arts.theatre');
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(200);
    await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(200);
    expect((await t.as(schoolStaff).get(`/requests/${requestId}`)).body.status).toBe('matched');

    await t
      .as(coordinator)
      .post(`/volunteers/${resident.id}/suspend`, { reason: '連絡がとれない' })
      .expect(200);

    expect((await t.as(schoolStaff).get(`/requests/${requestId}`)).body.status).toBe('open');
    const bookings = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bookings WHERE volunteer_id = $1`,
      [resident.id],
    );
    expect(bookings[0].n).toBe(0);
  });

  it('lets only the resident it is addressed to answer a proposal', async () => {
    const { proposalId } = await pairing('arts.handicrafts');
    const someoneElse = await activeVolunteer(t.as);
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(200);

    await t.as(someoneElse).post(`/proposals/${proposalId}/accept`).expect(404);
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(409);
  });

  it('takes each side’s feedback once, and only after the activity is completed', async () => {
    const { resident, proposalId } = await pairing('arts.cooking');
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(200);
    await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(200);
    await t.as(resident).post(`/proposals/${proposalId}/feedback`, { rating: 5 }).expect(409);

    const { body } = await t.as(coordinator).get(`/proposals/${proposalId}`).expect(200);
    t.clock.travelTo(body.request.slots[0].endsAt);
    await t.as(schoolStaff).post(`/proposals/${proposalId}/complete`, { hours: 1 }).expect(200);
    t.clock.backToNow();
    await t.as(resident).post(`/proposals/${proposalId}/feedback`, { rating: 5 }).expect(201);
    await t.as(resident).post(`/proposals/${proposalId}/feedback`, { rating: 1 }).expect(409);
  });

  it('answers 401 to an anonymous caller and 403 to a role that may not act', async () => {
    const { proposalId } = await pairing('history.calligraphy');
    const anonymous = await t.as().post(`/proposals/${proposalId}/approve`).expect(401);
    expect(anonymous.body.error).toBe('UnauthenticatedError');
    const requester = await t
      .as(schoolStaff)
      .post(`/proposals/${proposalId}/approve`)
      .set('Accept-Language', 'en');
    expect(requester.status).toBe(403);
    expect(requester.body.message).toBe('This needs one of these roles: coordinator, admin.');
  });

  it('proposes for a family that needs help in Vietnamese only residents who speak it', async () => {
    const support = { skills: [{ skillCode: 'family.childcare', level: 3 }], homeDistrictCode: 'onahama' };
    const evenings = [{ weekday: 4, startTime: '18:00', endTime: '21:00' }];
    const speaksVietnamese = await activeVolunteer(t.as, {
      ...support,
      availability: evenings,
      languages: ['ja', 'vi'],
    });
    await activeVolunteer(t.as, { ...support, availability: evenings, languages: ['ja', 'en'] });
    const input = familySupportInput({ slots: [slot(upcoming(4, 5), '18:30', '20:00')] });
    const requestId = await openRequest(t.as, {
      ...input,
      family: { ...input.family!, supportType: 'foreign_parent_support', languageNeeds: ['vi'] },
    });
    await t.drainQueue();

    const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    expect(body.items.map((p: { volunteer: { id: string } }) => p.volunteer.id)).toEqual([
      speaksVietnamese.id,
    ]);
  });
});
