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
