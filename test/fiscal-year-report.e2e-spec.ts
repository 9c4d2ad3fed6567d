import { cityOffice } from './factories/personas.js';
import { acceptedProposal } from './factories/proposal.factory.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe("The city office's fiscal year at a glance", () => {
  let t: TestApp;
  let fiscalYear: number;
  let month: string;

  beforeAll(async () => {
    t = await startTestApp();
    const hanako = await activeVolunteer(t.as, { skills: [{ skillCode: 'disaster.first-aid', level: 5 }] });
    // Two more active residents who had no activity: the spread of chances counts them.
    await activeVolunteer(t.as, { skills: [{ skillCode: 'history.old-games', level: 3 }] });
    await activeVolunteer(t.as, { skills: [{ skillCode: 'history.old-games', level: 3 }] });
    const requestId = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();
    const proposal = await acceptedProposal(t.as, requestId, hanako);
    const endsAt = proposal.request.slots[0].endsAt;
    t.clock.travelTo(endsAt);
    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: 1.5 }).expect(200);
    await t
      .as(schoolStaff)
      .post(`/proposals/${proposal.id}/feedback`, { rating: 2, comment: 'もう少し時間がほしかった' })
      .expect(201);
    await t.as(hanako).post(`/proposals/${proposal.id}/feedback`, { rating: 4 }).expect(201);
    t.clock.backToNow();
    const inJapan = new Date(new Date(endsAt).getTime() + 9 * 3_600_000);
    month = inJapan.toISOString().slice(0, 7);
    fiscalYear = inJapan.getUTCMonth() >= 3 ? inJapan.getUTCFullYear() : inJapan.getUTCFullYear() - 1;
  });
  afterAll(() => t.close());

  it('counts the activity, its hours and its resident by field, district and month of the April–March year', async () => {
    const { body } = await t.as(cityOffice).get(`/reports/fiscal-year?year=${fiscalYear}`).expect(200);
    expect(body).toMatchObject({
      year: fiscalYear,
      from: `${fiscalYear}-04-01`,
      to: `${fiscalYear + 1}-03-31`,
      totals: { activities: 1, hours: 1.5, residents: 1, firstTimeResidents: 1, firstTimeShare: 1 },
      byField: [{ fieldCode: 'disaster', activities: 1, hours: 1.5, residents: 1 }],
      byDistrict: [{ districtCode: 'taira', activities: 1, hours: 1.5, residents: 1 }],
    });
    expect(body.byMonth).toHaveLength(12);
    expect(body.byMonth[0].month).toBe(`${fiscalYear}-04`);
    expect(body.byMonth.find((row: { month: string }) => row.month === month).activities).toBe(1);
  });

  it('shows how evenly chances are spread, satisfaction by side, and the comments to act on', async () => {
    const { body } = await t.as(cityOffice).get(`/reports/fiscal-year?year=${fiscalYear}`).expect(200);
    // One resident had the only activity, two had none: Gini (0·… + 2·1) / (3·1) = 2/3.
    expect(body.spread.gini).toBeCloseTo(0.6667, 4);
    expect(body.spread.histogram.slice(0, 2)).toEqual([
      { activities: '0', residents: 2 },
      { activities: '1', residents: 1 },
    ]);
    expect(body.satisfaction).toEqual([
      { side: 'volunteer', average: 4, responses: 1 },
      { side: 'requester', average: 2, responses: 1 },
    ]);
    expect(body.commentsToActOn).toEqual([
      expect.objectContaining({ side: 'requester', rating: 2, comment: 'もう少し時間がほしかった' }),
    ]);
  });

  it('is empty, not wrong, for a year without activities', async () => {
    const { body } = await t
      .as(cityOffice)
      .get(`/reports/fiscal-year?year=${fiscalYear - 5}`)
      .expect(200);
    expect(body.totals).toEqual({
      activities: 0,
      hours: 0,
      residents: 0,
      firstTimeResidents: 0,
      firstTimeShare: 0,
    });
    expect(body.byMonth.every((row: { activities: number }) => row.activities === 0)).toBe(true);
  });

  it('is for the city office and coordinators, and says what is wrong with the year asked for', async () => {
    await t.as(coordinator).get(`/reports/fiscal-year?year=${fiscalYear}`).expect(200);
    await t.as(schoolStaff).get(`/reports/fiscal-year?year=${fiscalYear}`).expect(403);
    const { body } = await t.as(cityOffice).get('/reports/fiscal-year?year=next').expect(400);
    expect(body.details[0].field).toBe('year');
  });
});
