import ICAL from 'ical.js';
import { otherSchoolStaff, schoolStaff } from './factories/personas.js';
import { openRequest, schoolVisitInput, courseInput } from './factories/request.factory.js';
import { addDays } from './factories/time.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type Caller, type TestApp } from './setup/test-app.js';

/** A VEVENT as a calendar app reads it. */
interface ReadEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
  tzid: string;
  /** Wall-clock time in the event's own zone, e.g. `2027-06-10T18:30:00`. */
  localStart: string;
  localEnd: string;
  start: Date;
}

/** Parses an iCalendar document with ical.js, resolving times through the VTIMEZONE it carries. */
function readCalendar(text: string): { name: string | null; events: ReadEvent[]; zones: string[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => {
    const timezone = new ICAL.Timezone(zone);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    return timezone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      description: event.description,
      tzid: String(component.getFirstProperty('dtstart')!.getParameter('tzid')),
      localStart: event.startDate.toString(),
      localEnd: event.endDate.toString(),
      start: event.startDate.toJSDate(),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname') as string | null, events, zones };
}

describe('Calendars: an .ics per activity and private feeds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /**
   * A resident free on Thursday evenings, booked by hand by a coordinator for the request (and accepted
   * by them unless `accept` is false).
   */
  async function activity(input = evening(), accept = true) {
    const resident = await activeVolunteer(t.as, {
      availability: [{ weekday: 4, startTime: '09:00', endTime: '21:00' }],
    });
    const requestId = await openRequest(t.as, input);
    await t.drainQueue();
    const { body: proposal } = await t
      .as(coordinator)
      .post(`/requests/${requestId}/proposals`, { volunteerId: resident.id })
      .expect(201);
    if (accept) await t.as(resident).post(`/proposals/${proposal.id}/accept`).expect(200);
    const { body: request } = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
    return {
      resident,
      requestId,
      proposalId: proposal.id as string,
      slotIds: (request.slots as { id: string }[]).map((slot) => slot.id),
    };
  }

  /** A first-aid evening class at a school, on Thursday 10 June 2027 from 18:30 to 20:00 Japan time. */
  function evening(date = '2027-06-10') {
    return schoolVisitInput({
      title: '保護者向け 救命講習',
      venue: '平第一小学校 体育館',
      deadline: `${addDays(date, -7)}T17:00:00+09:00`,
      slots: [{ startsAt: `${date}T18:30:00+09:00`, endsAt: `${date}T20:00:00+09:00` }],
    });
  }

  async function ics(caller: Caller, path: string) {
    const response = await t.as(caller).get(path).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    return readCalendar(response.text);
  }

  it('gives the resident one event per session at 18:30 Japan time, with a VTIMEZONE for Asia/Tokyo', async () => {
    const { resident, proposalId, requestId } = await activity();

    const { events, zones } = await ics(resident, `/proposals/${proposalId}/calendar.ics`);

    expect(zones).toEqual(['Asia/Tokyo']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tzid: 'Asia/Tokyo',
      localStart: '2027-06-10T18:30:00',
      localEnd: '2027-06-10T20:00:00',
      summary: '保護者向け 救命講習',
      location: '平第一小学校 体育館',
      status: 'CONFIRMED',
      sequence: 0,
    });
    expect(events[0].start.toISOString()).toBe('2027-06-10T09:30:00.000Z');
    expect(events[0].description).toContain('いわき市立平第一小学校');
    expect(events[0].description).toContain(`${t.config.PUBLIC_URL}/my`);
    const staffView = await ics(schoolStaff, `/proposals/${proposalId}/calendar.ics`);
    expect(staffView.events[0].description).toContain(`${t.config.PUBLIC_URL}/requests/${requestId}`);
  });

  it('keeps each session of a course under its own UID, the same on every download', async () => {
    const course = courseInput({
      slots: ['2027-06-03', '2027-06-10', '2027-06-17'].map((date) => ({
        startsAt: `${date}T13:30:00+09:00`,
        endsAt: `${date}T15:00:00+09:00`,
      })),
      deadline: '2027-05-27T17:00:00+09:00',
      districtCode: null,
      online: true,
      venue: null,
    });
    const { resident, proposalId } = await activity(course);

    const first = await ics(resident, `/proposals/${proposalId}/calendar.ics`);
    const again = await ics(resident, `/proposals/${proposalId}/calendar.ics`);

    expect(first.events.map((event) => event.localStart)).toEqual([
      '2027-06-03T13:30:00',
      '2027-06-10T13:30:00',
      '2027-06-17T13:30:00',
    ]);
    expect(new Set(first.events.map((event) => event.uid)).size).toBe(3);
    expect(again.events.map((event) => event.uid)).toEqual(first.events.map((event) => event.uid));
    expect(first.events.every((event) => event.location === 'オンライン')).toBe(true);
  });

  it('lets the resident, their school and a coordinator have it, and nobody else', async () => {
    const { proposalId } = await activity();
    const stranger = await activeVolunteer(t.as);
    const path = `/proposals/${proposalId}/calendar.ics`;

    await t.as(coordinator).get(path).expect(200);
    await t.as(otherSchoolStaff).get(path).expect(404);
    await t.as(stranger).get(path).expect(404);
    await t.as().get(path).expect(401);
  });

  it('refuses a calendar for an activity the resident has not accepted yet', async () => {
    const { proposalId, resident } = await activity(evening(), false);

    const refused = await t.as(schoolStaff).get(`/proposals/${proposalId}/calendar.ics`).expect(409);

    expect(refused.body.message).toMatch(/承諾前/);
    await t.as(resident).get(`/proposals/${proposalId}/calendar.ics`).expect(409);
  });

  it('raises SEQUENCE and shows the new time, under the same UID, once a session has moved', async () => {
    const { resident, proposalId, requestId, slotIds } = await activity();
    const before = await ics(resident, `/proposals/${proposalId}/calendar.ics`);

    await t
      .as(schoolStaff)
      .patch(`/requests/${requestId}/sessions/${slotIds[0]}`, {
        startsAt: '2027-06-10T19:00:00+09:00',
        endsAt: '2027-06-10T20:30:00+09:00',
      })
      .expect(200);
    const after = await ics(resident, `/proposals/${proposalId}/calendar.ics`);

    expect(after.events[0]).toMatchObject({
      uid: before.events[0].uid,
      sequence: before.events[0].sequence + 1,
      localStart: '2027-06-10T19:00:00',
      localEnd: '2027-06-10T20:30:00',
    });
  });

  it('marks the sessions cancelled when the request is cancelled after the resident accepted', async () => {
    const { resident, proposalId, requestId } = await activity();
    const feed = await t.as(resident).post('/calendar-feeds', { owner: 'resident' }).expect(201);
    const before = await ics(resident, `/proposals/${proposalId}/calendar.ics`);

    await t.as(schoolStaff).post(`/requests/${requestId}/cancel`, { reason: '台風のため' }).expect(200);

    const after = await ics(resident, `/proposals/${proposalId}/calendar.ics`);
    expect(after.events[0]).toMatchObject({ uid: before.events[0].uid, status: 'CANCELLED' });
    expect(after.events[0].sequence).toBeGreaterThan(before.events[0].sequence);
    const subscribed = readCalendar(
      await fetchFeed(feed.body.url)
        .expect(200)
        .then((r) => r.text),
    );
    expect(subscribed.events).toEqual([
      expect.objectContaining({ uid: before.events[0].uid, status: 'CANCELLED' }),
    ]);
  });

  describe('private feeds', () => {
    it("lists a resident's confirmed activities to anyone with the URL, without signing in", async () => {
      const { resident, proposalId } = await activity(evening('2027-06-17'));
      const second = await t
        .as(coordinator)
        .post(`/requests/${await openRequest(t.as, evening('2027-06-24'))}/proposals`, {
          volunteerId: resident.id,
        })
        .expect(201);
      // Approved but not yet accepted: not in the resident's calendar.
      expect(second.body.status).toBe('approved');

      const created = await t.as(resident).post('/calendar-feeds', { owner: 'resident' }).expect(201);
      const feed = readCalendar((await fetchFeed(created.body.url).expect(200)).text);

      expect(created.body.url).toMatch(
        new RegExp(`^${t.config.PUBLIC_URL}/api/v1/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`),
      );
      expect(feed.name).toBe('人材バンク 私の活動');
      expect(feed.events.map((event) => event.localStart)).toEqual(['2027-06-17T18:30:00']);
      const single = await ics(resident, `/proposals/${proposalId}/calendar.ics`);
      expect(feed.events[0].uid).toBe(single.events[0].uid);
    });

    it('answers 404 once revoked, and for a URL nobody made', async () => {
      const resident = await activeVolunteer(t.as);
      const created = await t.as(resident).post('/calendar-feeds', { owner: 'resident' }).expect(201);
      await fetchFeed(created.body.url).expect(200);

      const listed = await t.as(resident).get('/calendar-feeds').expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, owner: 'resident' })]);
      expect(listed.body[0].url).toBeUndefined();
      await t.as(otherSchoolStaff).delete(`/calendar-feeds/${created.body.id}`).expect(404);
      await t.as(resident).delete(`/calendar-feeds/${created.body.id}`).expect(204);

      await fetchFeed(created.body.url).expect(404);
      expect((await t.as(resident).get('/calendar-feeds').expect(200)).body).toEqual([]);
      await t
        .as()
        .get(`/calendar-feeds/${'x'.repeat(43)}.ics`)
        .expect(404);
    });

    it('keeps one live URL per resident: making a new one revokes the old', async () => {
      const resident = await activeVolunteer(t.as);
      const first = await t.as(resident).post('/calendar-feeds', { owner: 'resident' }).expect(201);
      const second = await t.as(resident).post('/calendar-feeds', { owner: 'resident' }).expect(201);

      await fetchFeed(first.body.url).expect(404);
      await fetchFeed(second.body.url).expect(200);
      const listed = await t.as(resident).get('/calendar-feeds').expect(200);
      expect(listed.body.map((feed: { id: string }) => feed.id)).toEqual([second.body.id]);
    });

    it("lists each session of the organisation's accepted activities once, for the organisation's members only", async () => {
      const { requestId } = await activity(evening('2027-07-01'));
      const created = await t.as(schoolStaff).post('/calendar-feeds', { owner: 'organisation' }).expect(201);

      const feed = readCalendar((await fetchFeed(created.body.url).expect(200)).text);

      expect(feed.name).toBe('人材バンク いわき市立平第一小学校 の活動');
      const ours = feed.events.filter((event) => event.description.includes(`/requests/${requestId}`));
      expect(ours.map((event) => event.localStart)).toEqual(['2027-07-01T18:30:00']);
      expect(feed.events.every((event) => event.tzid === 'Asia/Tokyo')).toBe(true);
      const others = await t
        .as(otherSchoolStaff)
        .post('/calendar-feeds', { owner: 'organisation' })
        .expect(201);
      const theirs = readCalendar((await fetchFeed(others.body.url).expect(200)).text);
      expect(theirs.events.filter((event) => event.description.includes(`/requests/${requestId}`))).toEqual(
        [],
      );
    });

    it('refuses a feed for what the caller does not own', async () => {
      const resident = await activeVolunteer(t.as);
      const asOrganisation = await t
        .as(resident)
        .post('/calendar-feeds', { owner: 'organisation' })
        .expect(400);
      expect(asOrganisation.body.details).toEqual([expect.objectContaining({ field: 'owner' })]);
      await t.as(coordinator).post('/calendar-feeds', { owner: 'resident' }).expect(403);
      const someoneElses = await t
        .as(schoolStaff)
        .post('/calendar-feeds', {
          owner: 'organisation',
          organisationId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(400);
      expect(someoneElses.body.details).toEqual([expect.objectContaining({ field: 'organisationId' })]);
    });
  });

  /** A calendar app polling the URL: no session, the whole URL as given. */
  function fetchFeed(url: string) {
    return t.as().get(new URL(url).pathname.replace(/^\/api\/v1/, ''));
  }
});
