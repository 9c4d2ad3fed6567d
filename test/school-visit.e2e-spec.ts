import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator, volunteerInput } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('A school asks for a guest teacher, end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.backToNow());

  it('proposes the resident with an explanation, and follows approval, acceptance and completion with feedback', async () => {
    const hanako = await activeVolunteer(t.as, {
      learningOutcomes: [
        {
          kind: 'certificate',
          title: '救急法救急員',
          issuer: '日本赤十字社',
          achievedOn: '2024-06-01',
          skillCodes: ['disaster.first-aid'],
        },
      ],
    });
    const requestId = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();

    const proposals = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    expect(proposals.body.total).toBe(1);
    const [proposal] = proposals.body.items;
    expect(proposal.volunteer).toMatchObject({ id: hanako.id, name: '鈴木 花子' });
    expect(proposal.status).toBe('proposed');
    const parts = Object.fromEntries(
      proposal.explanation.parts.map((part: { name: string; value: number }) => [part.name, part.value]),
    );
    expect(parts).toMatchObject({ skillLevel: 0.8, learningOutcomes: 0.5, distance: 1, fairness: 1 });
    expect(proposal.explanation.facts.relevantOutcomes).toEqual(['救急法救急員']);
    expect(proposal.score).toBeCloseTo(proposal.explanation.total, 6);

    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    const waiting = await t.as(hanako).get(`/volunteers/${hanako.id}/proposals`).expect(200);
    expect(waiting.body.items.map((p: { id: string }) => p.id)).toEqual([proposal.id]);

    const accepted = await t.as(hanako).post(`/proposals/${proposal.id}/accept`).expect(200);
    expect(accepted.body.status).toBe('accepted');
    const matched = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
    expect(matched.body.status).toBe('matched');

    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: 1.5 }).expect(409);
    t.clock.travelTo(matched.body.slots[0].endsAt);
    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: 1.5 }).expect(200);
    await t
      .as(schoolStaff)
      .post(`/proposals/${proposal.id}/feedback`, { rating: 5, comment: '子どもたちが真剣でした' })
      .expect(201);
    const done = await t.as(hanako).post(`/proposals/${proposal.id}/feedback`, { rating: 4 }).expect(201);

    expect(done.body).toMatchObject({ status: 'completed', hours: 1.5 });
    expect(done.body.feedback).toEqual(
      expect.arrayContaining([
        { side: 'requester', rating: 5, comment: '子どもたちが真剣でした' },
        { side: 'volunteer', rating: 4, comment: '' },
      ]),
    );
    const completed = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
    expect(completed.body.status).toBe('completed');

    const trail = await t
      .as(coordinator)
      .get(`/audit?subjectType=proposal&subjectId=${proposal.id}`)
      .expect(200);
    expect(trail.body.items.map((entry: { action: string }) => entry.action).reverse()).toEqual([
      'proposal.proposed',
      'proposal.approved',
      'proposal.accepted',
      'proposal.completed',
      'proposal.feedback',
      'proposal.feedback',
    ]);
  });

  it('proposes only residents who meet every rule, and explains the better score', async () => {
    const input = schoolVisitInput({ requiredSkills: [{ skillCode: 'disaster.first-aid', minLevel: 4 }] });
    const expert = await activeVolunteer(t.as, { name: '佐藤 一郎', nameKana: 'さとう いちろう' });
    const far = await activeVolunteer(t.as, {
      name: '高橋 次郎',
      nameKana: 'たかはし じろう',
      homeDistrictCode: 'nakoso',
      travelDistrictCodes: ['taira'],
    });
    const tooJunior = await activeVolunteer(t.as, {
      skills: [{ skillCode: 'disaster.first-aid', level: 3 }],
    });
    const elsewhere = await activeVolunteer(t.as, { homeDistrictCode: 'kawamae', travelDistrictCodes: [] });
    const awayThatDay = await activeVolunteer(t.as, {
      unavailableDates: [{ date: input.slots[0].startsAt.slice(0, 10), reason: '通院' }],
    });
    const mornings = await activeVolunteer(t.as, {
      availability: [{ weekday: 2, startTime: '08:00', endTime: '12:00' }],
    });
    const pending = await t.as(coordinator).post('/volunteers', volunteerInput()).expect(201);
    const noConsent = await t
      .as(coordinator)
      .post('/volunteers', volunteerInput({ consent: undefined }))
      .expect(201);
    await t.as(coordinator).post(`/volunteers/${noConsent.body.id}/activate`).expect(409);

    const requestId = await openRequest(t.as, input);
    await t.drainQueue();

    const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    const proposed = body.items.map((p: { volunteer: { id: string } }) => p.volunteer.id);
    expect(proposed).toEqual([expert.id, far.id]);
    expect(proposed).not.toContain(tooJunior.id);
    expect(proposed).not.toContain(elsewhere.id);
    expect(proposed).not.toContain(awayThatDay.id);
    expect(proposed).not.toContain(mornings.id);
    expect(proposed).not.toContain(pending.body.id);
    expect(body.items[1].explanation.facts.distanceKm).toBeGreaterThan(15);
  });
});
