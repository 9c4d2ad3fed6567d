import { otherSchoolStaff, schoolStaff } from './factories/personas.js';
import { courseInput, openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator, type SignedInResident } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

const session = (date: string, start: string, end: string) => ({
  startsAt: `${date}T${start}:00+09:00`,
  endsAt: `${date}T${end}:00+09:00`,
});

/** A smartphone course on two Wednesdays in June 2027, 13:30–15:00. */
const twoWeekCourse = () =>
  courseInput({
    deadline: '2027-05-27T17:00:00+09:00',
    slots: [session('2027-06-02', '13:30', '15:00'), session('2027-06-09', '13:30', '15:00')],
  });

/** A school visit in June or July 2027, with its deadline on 1 June. */
const visitOn = (date: string, start: string, end: string) =>
  schoolVisitInput({ deadline: '2027-06-01T17:00:00+09:00', slots: [session(date, start, end)] });

describe('Moving one session of a request people are committed to', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A request with `resident` booked by hand by a coordinator (approved) and accepted. */
  async function committed(resident: SignedInResident, input = schoolVisitInput()) {
    const requestId = await openRequest(t.as, input);
    await t.drainQueue();
    const { body } = await t
      .as(coordinator)
      .post(`/requests/${requestId}/proposals`, { volunteerId: resident.id })
      .expect(201);
    await t.as(resident).post(`/proposals/${body.id}/accept`).expect(200);
    const { body: request } = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
    return { requestId, slots: request.slots as { id: string; startsAt: string; sequence: number }[] };
  }

  async function bookingsOf(requestId: string) {
    return t.dataSource.query(
      `SELECT b.slot_id AS "slotId", lower(b.during) AS "startsAt", upper(b.during) AS "endsAt"
         FROM bookings b JOIN request_slots s ON s.id = b.slot_id
        WHERE s.request_id = $1 ORDER BY lower(b.during)`,
      [requestId],
    );
  }

  it('moves the session and its bookings together, keeping the session id and raising its sequence', async () => {
    const resident = await activeVolunteer(t.as);
    const { requestId, slots } = await committed(resident, twoWeekCourse());

    const moved = await t
      .as(schoolStaff)
      .patch(`/requests/${requestId}/sessions/${slots[1].id}`, session('2027-06-11', '10:00', '11:30'))
      .expect(200);

    expect(moved.body.slots).toEqual([
      expect.objectContaining({ id: slots[0].id, sequence: 0 }),
      {
        id: slots[1].id,
        startsAt: '2027-06-11T01:00:00.000Z',
        endsAt: '2027-06-11T02:30:00.000Z',
        sequence: 1,
      },
    ]);
    expect(await bookingsOf(requestId)).toEqual([
      {
        slotId: slots[0].id,
        startsAt: new Date('2027-06-02T13:30:00+09:00'),
        endsAt: new Date('2027-06-02T15:00:00+09:00'),
      },
      {
        slotId: slots[1].id,
        startsAt: new Date('2027-06-11T10:00:00+09:00'),
        endsAt: new Date('2027-06-11T11:30:00+09:00'),
      },
    ]);
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_entries WHERE action = 'request.sessionMoved' AND subject_id = $1`,
      [requestId],
    );
    expect(audit.details).toMatchObject({ slot: slots[1].id, sequence: 1 });
  });

  it('lets a coordinator move it too', async () => {
    const resident = await activeVolunteer(t.as);
    const { requestId, slots } = await committed(resident, visitOn('2027-06-15', '10:40', '12:15'));

    await t
      .as(coordinator)
      .patch(`/requests/${requestId}/sessions/${slots[0].id}`, session('2027-06-16', '10:40', '12:15'))
      .expect(200);

    expect(await bookingsOf(requestId)).toEqual([
      expect.objectContaining({ startsAt: new Date('2027-06-16T10:40:00+09:00') }),
    ]);
  });

  it('refuses a time when a booked resident is busy, with a clear message, and changes nothing', async () => {
    const resident = await activeVolunteer(t.as);
    await committed(resident, visitOn('2027-06-22', '09:00', '10:30'));
    const { requestId, slots } = await committed(resident, visitOn('2027-06-23', '09:00', '10:30'));
    const bookingsBefore = await bookingsOf(requestId);

    const refused = await t
      .as(schoolStaff)
      .patch(`/requests/${requestId}/sessions/${slots[0].id}`, session('2027-06-22', '10:00', '11:00'))
      .expect(409);

    expect(refused.body.message).toBe(
      'この回に決まっている登録者が、新しい日時に別の活動を予定しています。日程は変更されていません。別の日時を選んでください。',
    );
    const { body: request } = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
    expect(request.slots).toEqual(slots);
    expect(await bookingsOf(requestId)).toEqual(bookingsBefore);
    const audits = await t.dataSource.query(
      `SELECT 1 FROM audit_entries WHERE action = 'request.sessionMoved' AND subject_id = $1`,
      [requestId],
    );
    expect(audits).toEqual([]);
  });

  it('reports bad times field by field', async () => {
    const resident = await activeVolunteer(t.as);
    const { requestId, slots } = await committed(resident, twoWeekCourse());
    const path = `/requests/${requestId}/sessions/${slots[1].id}`;
    const problems = async (body: object) =>
      (
        (await t.as(schoolStaff).patch(path, body).expect(400)).body.details as {
          field: string;
          code: string;
        }[]
      ).map(({ field, code }) => ({ field, code }));

    expect(await problems(session('2027-06-09', '15:00', '13:30'))).toEqual([
      { field: 'endsAt', code: 'validation.endAfterStart' },
    ]);
    expect(await problems({ startsAt: 'next week' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'startsAt' }),
        expect.objectContaining({ field: 'endsAt' }),
      ]),
    );
    expect(await problems(session('2020-06-09', '13:30', '15:00'))).toEqual([
      { field: 'startsAt', code: 'validation.inFuture' },
    ]);
    expect(
      await problems({ startsAt: '2027-06-09T23:00:00+09:00', endsAt: '2027-06-10T00:30:00+09:00' }),
    ).toEqual([{ field: 'endsAt', code: 'validation.sameDay' }]);
    expect(await problems(session('2027-06-02', '14:00', '16:00'))).toEqual([
      { field: 'startsAt', code: 'validation.slotsOverlap' },
    ]);
  });

  it('answers 404 for an unknown request or session, a session of another request, and another school', async () => {
    const resident = await activeVolunteer(t.as);
    const { requestId, slots } = await committed(resident, visitOn('2027-06-29', '10:40', '12:15'));
    const other = await openRequest(t.as, schoolVisitInput());
    const to = session('2027-06-30', '10:40', '12:15');

    await t.as(schoolStaff).patch(`/requests/${requestId}/sessions/${crypto.randomUUID()}`, to).expect(404);
    await t.as(schoolStaff).patch(`/requests/${crypto.randomUUID()}/sessions/${slots[0].id}`, to).expect(404);
    await t.as(schoolStaff).patch(`/requests/${other}/sessions/${slots[0].id}`, to).expect(404);
    await t.as(otherSchoolStaff).patch(`/requests/${requestId}/sessions/${slots[0].id}`, to).expect(404);
    await t.as(resident).patch(`/requests/${requestId}/sessions/${slots[0].id}`, to).expect(403);
    const notUuid = await t.as(schoolStaff).patch(`/requests/${requestId}/sessions/first`, to).expect(400);
    expect(notUuid.body.details).toEqual([expect.objectContaining({ field: 'slotId' })]);
  });

  it('refuses to move a session of a cancelled request', async () => {
    const resident = await activeVolunteer(t.as);
    const { requestId, slots } = await committed(resident, visitOn('2027-07-06', '10:40', '12:15'));
    await t.as(schoolStaff).post(`/requests/${requestId}/cancel`, {}).expect(200);

    await t
      .as(schoolStaff)
      .patch(`/requests/${requestId}/sessions/${slots[0].id}`, session('2027-07-07', '10:40', '12:15'))
      .expect(409);
  });

  it('keeps the ids of sessions when a request nobody is committed to gets a new list of sessions', async () => {
    const created = await t.as(schoolStaff).post('/requests', twoWeekCourse()).expect(201);
    const [first, second] = created.body.slots as { id: string }[];

    const updated = await t
      .as(schoolStaff)
      .patch(`/requests/${created.body.id}`, {
        slots: [
          session('2027-06-02', '13:30', '15:00'),
          session('2027-06-10', '13:30', '15:00'),
          session('2027-06-16', '13:30', '15:00'),
        ],
      })
      .expect(200);

    expect(updated.body.slots).toEqual([
      expect.objectContaining({ id: first.id, sequence: 0 }),
      expect.objectContaining({ id: second.id, sequence: 1, startsAt: '2027-06-10T04:30:00.000Z' }),
      expect.objectContaining({ sequence: 0, startsAt: '2027-06-16T04:30:00.000Z' }),
    ]);
    const shortened = await t
      .as(schoolStaff)
      .patch(`/requests/${created.body.id}`, { slots: [session('2027-06-03', '13:30', '15:00')] })
      .expect(200);
    expect(shortened.body.slots).toEqual([expect.objectContaining({ id: first.id, sequence: 1 })]);
  });
});
