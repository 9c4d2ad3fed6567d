import { courseInput, openRequest, schoolVisitInput } from './factories/request.factory.js';
import { addDays, slot, upcoming } from './factories/time.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

/** Each test asks for a skill no other test's residents have, so suites share a database without meeting. */
describe('Who the worker proposes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function proposed(requestId: string): Promise<string[]> {
    await t.drainQueue();
    const { body } = await t
      .as(coordinator)
      .get(`/requests/${requestId}/proposals?status=proposed`)
      .expect(200);
    return body.items.map((proposal: { volunteer: { id: string } }) => proposal.volunteer.id);
  }

  it('reads weekdays and times in Japan time: 08:00 on a Tuesday is not Monday night in UTC', async () => {
    const skills = [{ skillCode: 'nature.observation', level: 4 }];
    const earlyTuesday = await activeVolunteer(t.as, {
      skills,
      availability: [{ weekday: 2, startTime: '07:00', endTime: '09:30' }],
    });
    await activeVolunteer(t.as, {
      skills,
      availability: [{ weekday: 1, startTime: '22:00', endTime: '23:59' }],
    });
    const requestId = await openRequest(
      t.as,
      schoolVisitInput({
        requiredSkills: [{ skillCode: 'nature.observation', minLevel: 3 }],
        slots: [slot(upcoming(2, 3), '08:00', '09:00')],
      }),
    );
    expect(await proposed(requestId)).toEqual([earlyTuesday.id]);
  });

  it('leaves out an instructor whose weekly hours cover only some sessions of a course', async () => {
    const skills = [{ skillCode: 'it.programming', level: 4 }];
    const wednesdays = {
      skills,
      homeDistrictCode: 'uchigo',
      availability: [{ weekday: 3, startTime: '13:00', endTime: '16:00' }],
    };
    const allSessions = await activeVolunteer(t.as, {
      ...wednesdays,
      availability: [...wednesdays.availability, { weekday: 4, startTime: '13:00', endTime: '16:00' }],
    });
    await activeVolunteer(t.as, wednesdays);
    const input = courseInput({
      requiredSkills: [{ skillCode: 'it.programming', minLevel: 3 }],
      preferredSkillCodes: [],
    });
    // The last session moves to the Thursday after: only one of the two is free then.
    const last = input.slots[3].startsAt.slice(0, 10);
    input.slots[3] = slot(addDays(last, 1), '13:30', '15:00');
    expect(await proposed(await openRequest(t.as, input))).toEqual([allSessions.id]);
  });

  it('matches an online request with residents who work online, wherever they live', async () => {
    const skills = [{ skillCode: 'international.japanese-teaching', level: 4 }];
    const online = await activeVolunteer(t.as, {
      skills,
      homeDistrictCode: 'kawamae',
      onlineAvailable: true,
      travelDistrictCodes: [],
    });
    await activeVolunteer(t.as, { skills, onlineAvailable: false });
    const requestId = await openRequest(
      t.as,
      schoolVisitInput({
        requiredSkills: [{ skillCode: 'international.japanese-teaching', minLevel: 3 }],
        districtCode: undefined,
        online: true,
        slots: [slot(upcoming(3, 3), '10:00', '11:00')],
      }),
    );
    expect(await proposed(requestId)).toEqual([online.id]);
    const [proposal] = (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body
      .items;
    expect(proposal.explanation.facts.distanceKm).toBeNull();
  });

  it('stops proposing a resident once their month is full, and refuses an approval past the cap', async () => {
    const skills = [{ skillCode: 'sports.swimming', level: 4 }];
    const oncePerMonth = await activeVolunteer(t.as, { skills, monthlyCap: 1 });
    // Three Tuesdays of one month, the first at least three weeks ahead.
    const firstTuesday = [3, 4, 5, 6, 7]
      .map((weeks) => upcoming(2, weeks))
      .find((date) => Number(date.slice(8)) <= 14)!;
    const dates = [0, 7, 14].map((days) =>
      schoolVisitInput({
        requiredSkills: [{ skillCode: 'sports.swimming', minLevel: 3 }],
        slots: [slot(addDays(firstTuesday, days), '10:00', '11:00')],
      }),
    );
    const [first, second] = [await openRequest(t.as, dates[0]), await openRequest(t.as, dates[1])];
    expect(await proposed(first)).toEqual([oncePerMonth.id]);
    expect(await proposed(second)).toEqual([oncePerMonth.id]);
    const proposalOn = async (requestId: string) =>
      (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body.items[0]
        .id as string;

    const secondProposal = await proposalOn(second);
    await t
      .as(coordinator)
      .post(`/proposals/${await proposalOn(first)}/approve`)
      .expect(200);
    const refused = await t.as(coordinator).post(`/proposals/${secondProposal}/approve`).expect(409);
    expect(refused.body.message).toBe(
      `この登録者は ${firstTuesday.slice(0, 7)} の活動上限（月 1 件）に達しています。`,
    );

    const third = await openRequest(t.as, dates[2]);
    expect(await proposed(third)).toEqual([]);
  });

  it('ranks a newcomer above an equally skilled resident with many activities', async () => {
    const skills = [{ skillCode: 'careers.fisheries', level: 4 }];
    const busy = await activeVolunteer(t.as, { skills, monthlyCap: 10 });
    const newcomer = await activeVolunteer(t.as, { skills });
    const ask = (weeksAhead: number) =>
      schoolVisitInput({
        requiredSkills: [{ skillCode: 'careers.fisheries', minLevel: 3 }],
        slots: [slot(upcoming(5, weeksAhead), '10:00', '11:00')],
      });
    // Two earlier requests only the busy resident is approved for.
    for (const weeksAhead of [2, 3]) {
      const requestId = await openRequest(t.as, ask(weeksAhead));
      await t.drainQueue();
      const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
      const mine = body.items.find((p: { volunteer: { id: string } }) => p.volunteer.id === busy.id);
      await t.as(coordinator).post(`/proposals/${mine.id}/approve`).expect(200);
    }

    const requestId = await openRequest(t.as, ask(4));
    await t.drainQueue();
    const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    expect(body.items.map((p: { volunteer: { id: string } }) => p.volunteer.id)).toEqual([
      newcomer.id,
      busy.id,
    ]);
    expect(body.items[1].explanation.facts.recentActivities).toBe(2);
  });
});
