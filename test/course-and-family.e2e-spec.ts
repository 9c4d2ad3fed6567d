import { courseInput, familySupportInput, openRequest, schoolStaff } from './factories/request.factory.js';
import { addDays } from './factories/time.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './setup/test-app.js';

async function proposedIds(api: ApiClient, requestId: string): Promise<string[]> {
  const { body } = await api.get(`/requests/${requestId}/proposals?status=proposed`).expect(200);
  return body.items.map((proposal: { volunteer: { id: string } }) => proposal.volunteer.id);
}

describe('Course series and family-support needs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.backToNow());

  it('proposes for a four-week course only the instructor free for every session, and runs it to feedback', async () => {
    const input = courseInput();
    const smartphoneSkills = {
      skills: [
        { skillCode: 'it.smartphone', level: 4 },
        { skillCode: 'it.internet-safety', level: 3 },
      ],
      homeDistrictCode: 'uchigo',
      availability: [{ weekday: 3, startTime: '13:00', endTime: '16:00' }],
    };
    const everyWeek = await activeVolunteer(t.as, {
      ...smartphoneSkills,
      name: '渡辺 健',
      nameKana: 'わたなべ けん',
    });
    await activeVolunteer(t.as, {
      ...smartphoneSkills,
      unavailableDates: [{ date: input.slots[2].startsAt.slice(0, 10), reason: '法事' }],
    });
    const busyElsewhere = await activeVolunteer(t.as, smartphoneSkills);
    const otherCourse = await openRequest(
      t.as,
      courseInput({ title: '別の講座', slots: [{ ...input.slots[3] }], districtCode: 'uchigo' }),
    );
    await t.drainQueue();
    const elsewhere = await t.as(coordinator).get(`/requests/${otherCourse}/proposals`).expect(200);
    const busyProposal = elsewhere.body.items.find(
      (proposal: { volunteer: { id: string } }) => proposal.volunteer.id === busyElsewhere.id,
    );
    await t.as(coordinator).post(`/proposals/${busyProposal.id}/approve`).expect(200);

    const courseId = await openRequest(t.as, input);
    await t.drainQueue();

    expect(await proposedIds(t.as(coordinator), courseId)).toEqual([everyWeek.id]);

    const [proposal] = (await t.as(coordinator).get(`/requests/${courseId}/proposals`).expect(200)).body
      .items;
    expect(proposal.explanation.facts.preferredSkills).toEqual([{ code: 'it.internet-safety', level: 3 }]);
    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    await t.as(everyWeek).post(`/proposals/${proposal.id}/accept`).expect(200);
    expect((await t.as(schoolStaff).get(`/requests/${courseId}`)).body.status).toBe('matched');

    const bookings = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bookings WHERE proposal_id = $1`,
      [proposal.id],
    );
    expect(bookings[0].n).toBe(4);

    t.clock.travelTo(addDays(input.slots[3].endsAt.slice(0, 10), 1) + 'T00:00:00+09:00');
    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: 6.5 }).expect(400);
    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: 6 }).expect(200);
    expect((await t.as(schoolStaff).get(`/requests/${courseId}`)).body.status).toBe('completed');
    await t
      .as(schoolStaff)
      .post(`/proposals/${proposal.id}/feedback`, { rating: 5, comment: '毎回好評でした' })
      .expect(201);
    const done = await t.as(everyWeek).post(`/proposals/${proposal.id}/feedback`, { rating: 4 }).expect(201);
    expect(done.body.feedback.map((entry: { side: string }) => entry.side).sort()).toEqual([
      'requester',
      'volunteer',
    ]);
  });

  it('matches an evening childcare need, replaces the resident who declines, and runs it to completion', async () => {
    const eveningAvailability = [4].map((weekday) => ({ weekday, startTime: '18:00', endTime: '21:00' }));
    const childcare = { skills: [{ skillCode: 'family.childcare', level: 3 }], homeDistrictCode: 'onahama' };
    const first = await activeVolunteer(t.as, {
      ...childcare,
      availability: eveningAvailability,
      monthlyCap: 1,
    });
    const second = await activeVolunteer(t.as, {
      ...childcare,
      skills: [{ skillCode: 'family.childcare', level: 2 }],
      availability: eveningAvailability,
    });
    const daytimeOnly = await activeVolunteer(t.as, childcare);

    const requestId = await openRequest(t.as, familySupportInput());
    await t.drainQueue();
    const proposals = (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body
      .items;
    expect(proposals.map((p: { volunteer: { id: string } }) => p.volunteer.id)).toEqual([
      first.id,
      second.id,
    ]);
    expect(proposals.map((p: { volunteer: { id: string } }) => p.volunteer.id)).not.toContain(daytimeOnly.id);

    await t.as(coordinator).post(`/proposals/${proposals[0].id}/approve`).expect(200);
    await t.as(second).post(`/proposals/${proposals[0].id}/decline`).expect(404);
    await t.as(first).post(`/proposals/${proposals[0].id}/decline`, { reason: '急な用事' }).expect(200);
    await t.drainQueue();

    const after = (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body.items;
    const byVolunteer = Object.fromEntries(
      after.map((p: { volunteer: { id: string }; status: string }) => [p.volunteer.id, p.status]),
    );
    expect(byVolunteer).toEqual({ [first.id]: 'declined', [second.id]: 'proposed' });
    await t.as(coordinator).post(`/proposals/${proposals[0].id}/approve`).expect(409);

    await t.as(coordinator).post(`/proposals/${proposals[1].id}/approve`).expect(200);
    await t.as(second).post(`/proposals/${proposals[1].id}/accept`).expect(200);
    expect((await t.as(schoolStaff).get(`/requests/${requestId}`)).body.status).toBe('matched');
    t.clock.travelTo(proposals[1].request.slots[0].endsAt);
    await t.as(schoolStaff).post(`/proposals/${proposals[1].id}/complete`, { hours: 1.5 }).expect(200);
    await t.as(schoolStaff).post(`/proposals/${proposals[1].id}/feedback`, { rating: 5 }).expect(201);
    await t
      .as(second)
      .post(`/proposals/${proposals[1].id}/feedback`, {
        rating: 5,
        comment: '子どもたちと楽しく過ごせました',
      })
      .expect(201);
    expect((await t.as(schoolStaff).get(`/requests/${requestId}`)).body.status).toBe('completed');
  });
});
