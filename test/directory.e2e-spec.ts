import { acceptedProposal, courseWithInstructor } from './factories/proposal.factory.js';
import { courseInput, openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('The public register of instructors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    await activeVolunteer(t.as, {
      name: '渡辺 和子',
      nameKana: 'わたなべ かずこ',
      email: 'kazuko@example.jp',
      phone: '0246-11-2222',
      listedPublicly: true,
      homeDistrictCode: 'onahama',
      travelDistrictCodes: ['taira'],
      onlineAvailable: true,
      languages: ['ja', 'en'],
      skills: [{ skillCode: 'history.old-games', level: 5 }],
      availability: [{ weekday: 6, startTime: '10:00', endTime: '12:00' }],
    });
    await activeVolunteer(t.as, { name: '非公開 太郎', listedPublicly: false });
  });
  afterAll(() => t.close());

  it('lists only residents who asked to be, by display name, without anything that identifies or reaches them', async () => {
    const { body } = await t.as().get('/directory/instructors').expect(200);
    expect(body.total).toBe(1);
    expect(body.items).toEqual([
      {
        displayName: '渡辺さん',
        homeDistrictCode: 'onahama',
        travelDistrictCodes: ['taira'],
        online: true,
        languages: ['ja', 'en'],
        skills: [{ skillCode: 'history.old-games', level: 5 }],
        freeAt: ['weekend'],
      },
    ]);
    const text = JSON.stringify(body);
    for (const secret of ['和子', 'わたなべ', 'kazuko@example.jp', '0246-11-2222', '非公開']) {
      expect(text).not.toContain(secret);
    }
  });

  it('finds them by field, skill, district travelled to, online, language and free time', async () => {
    const count = async (query: string) =>
      (await t.as().get(`/directory/instructors?${query}`).expect(200)).body.total;
    expect(await count('fieldCode=history&skillCode=history.old-games&districtCode=taira')).toBe(1);
    expect(await count('online=true&language=en&freeAt=weekend')).toBe(1);
    expect(await count('freeAt=evening')).toBe(0);
    expect(await count('districtCode=yotsukura')).toBe(0);
    expect(await count('fieldCode=disaster')).toBe(0);
  });

  it('says which filter is wrong', async () => {
    const { body } = await t.as().get('/directory/instructors?freeAt=midnight&language=xx').expect(400);
    expect(body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'freeAt',
      'language',
    ]);
  });
});

describe('Learning information: upcoming courses with an instructor', () => {
  let t: TestApp;
  let courseId: string;
  let courseWithoutInstructorId: string;
  let schoolVisitId: string;
  const INSTRUCTOR = {
    name: '佐藤 美咲',
    nameKana: 'さとう みさき',
    email: 'misaki@example.jp',
    phone: '0246-33-4444',
    listedPublicly: true,
  };

  beforeAll(async () => {
    t = await startTestApp();
    courseId = await courseWithInstructor(
      t,
      {
        capacity: 20,
        participantFeeYen: 500,
        honorariumYen: 0,
        childcareAvailable: true,
        accessibility: ['step_free', 'hearing_loop'],
      },
      INSTRUCTOR,
    );
    // Another course nobody has taken on yet: not shown.
    courseWithoutInstructorId = await openRequest(
      t.as,
      courseInput({
        title: '講師募集中の講座',
        requiredSkills: [{ skillCode: 'it.smartphone', minLevel: 5 }],
      }),
    );
    // A school's visit whose guest teacher accepted: not a course, so not learning information.
    const teacher = await activeVolunteer(t.as);
    schoolVisitId = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();
    await acceptedProposal(t.as, schoolVisitId, teacher);
  });
  afterAll(() => t.close());

  it('shows anyone the course, its sessions, place, fee, capacity, childcare and access, once its instructor accepted', async () => {
    const { body } = await t.as().get('/directory/courses').expect(200);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      id: courseId,
      title: 'シニアのためのスマホ講座（全4回）',
      venue: '内郷公民館 第1会議室',
      districtCode: 'uchigo',
      capacity: 20,
      participantFeeYen: 500,
      childcareAvailable: true,
      accessibility: ['step_free', 'hearing_loop'],
      fieldCodes: ['it'],
    });
    expect(body.items[0].sessions).toHaveLength(4);
    expect(JSON.stringify(body)).not.toContain('honorarium');
  });

  it('finds it by field, district, childcare and step-free access, and not by evening or weekend', async () => {
    const count = async (query: string) =>
      (await t.as().get(`/directory/courses?${query}`).expect(200)).body.total;
    expect(await count('fieldCode=it&districtCode=uchigo&childcare=true&stepFree=true')).toBe(1);
    expect(await count('when=evening')).toBe(0);
    expect(await count('when=weekend')).toBe(0);
    expect(await count('districtCode=taira')).toBe(0);
  });

  it("shows one course's page: every session, place, fee, capacity, childcare, access, group and field", async () => {
    const { body } = await t.as().get(`/directory/courses/${courseId}`).expect(200);
    const [listed] = (await t.as().get('/directory/courses').expect(200)).body.items;
    expect(body).toEqual({ ...listed, instructorNames: ['佐藤さん'] });
    expect(body).toMatchObject({
      title: 'シニアのためのスマホ講座（全4回）',
      organisationName: expect.any(String),
      venue: '内郷公民館 第1会議室',
      districtCode: 'uchigo',
      online: false,
      capacity: 20,
      participantFeeYen: 500,
      childcareAvailable: true,
      accessibility: ['step_free', 'hearing_loop'],
      fieldCodes: ['it'],
    });
    const input = courseInput();
    expect(body.sessions.map((s: { startsAt: string }) => new Date(s.startsAt).getTime())).toEqual(
      input.slots.map((s) => new Date(s.startsAt).getTime()),
    );
  });

  it("names its instructor by display name only, never their full name, kana or contact details, nor the group's pay", async () => {
    const { body } = await t.as().get(`/directory/courses/${courseId}`).expect(200);
    const text = JSON.stringify(body);
    for (const secret of [
      '美咲',
      'さとう',
      'misaki@example.jp',
      '0246-33-4444',
      'honorarium',
      'email',
      'phone',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('leaves the instructor unnamed once they no longer ask to be listed publicly', async () => {
    await t.dataSource.query(`UPDATE volunteers SET listed_publicly = false WHERE email = $1`, [
      INSTRUCTOR.email,
    ]);
    try {
      const { body } = await t.as().get(`/directory/courses/${courseId}`).expect(200);
      expect(body.instructorNames).toEqual([]);
    } finally {
      await t.dataSource.query(`UPDATE volunteers SET listed_publicly = true WHERE email = $1`, [
        INSTRUCTOR.email,
      ]);
    }
  });

  it('answers 404 with the usual error body for an unknown id, a request that is not a course, and a course without an instructor', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', schoolVisitId, courseWithoutInstructorId]) {
      const { body } = await t.as().get(`/directory/courses/${id}`).expect(404);
      expect(body).toEqual({
        statusCode: 404,
        error: 'NotFoundError',
        message: `講座（${id}）が見つかりません。`,
      });
    }
    const english = await t
      .as()
      .get(`/directory/courses/${schoolVisitId}`)
      .set('Accept-Language', 'en')
      .expect(404);
    expect(english.body.message).toBe(`course ${schoolVisitId} was not found.`);
    await t.as().get('/directory/courses/not-an-id').expect(400);
  });

  it('answers 404 once its last session is over', async () => {
    const lastEnd = courseInput().slots.at(-1)!.endsAt;
    t.clock.travelTo(new Date(new Date(lastEnd).getTime() + 60_000));
    try {
      await t.as().get(`/directory/courses/${courseId}`).expect(404);
    } finally {
      t.clock.backToNow();
    }
  });
});
