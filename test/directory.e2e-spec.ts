import { courseWithInstructor } from './factories/proposal.factory.js';
import { courseInput, openRequest } from './factories/request.factory.js';
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

  beforeAll(async () => {
    t = await startTestApp();
    courseId = await courseWithInstructor(t, {
      capacity: 20,
      participantFeeYen: 500,
      honorariumYen: 0,
      childcareAvailable: true,
      accessibility: ['step_free', 'hearing_loop'],
    });
    // Another course nobody has taken on yet: not shown.
    await openRequest(
      t.as,
      courseInput({
        title: '講師募集中の講座',
        requiredSkills: [{ skillCode: 'it.smartphone', minLevel: 5 }],
      }),
    );
    await t.drainQueue();
  }, 30_000);
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
});
