import { signIn } from './factories/account.factory.js';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('A new version of the privacy notice', () => {
  let before: TestApp;

  beforeAll(async () => {
    before = await startTestApp({ withWorker: false });
  });
  afterAll(() => before.close());

  it('asks every resident again: not matched until they agree to it, then matched', async () => {
    const resident = await activeVolunteer(before.as, {
      skills: [{ skillCode: 'rights.gender-equality', level: 4 }],
    });
    const { body: profile } = await before.as(coordinator).get(`/volunteers/${resident.id}`).expect(200);

    // The city publishes version 2027-04: the same database, served under the new notice.
    const after = await startTestApp({
      shareDatabaseWith: before,
      env: { PRIVACY_NOTICE_VERSION: '2027-04' },
    });
    try {
      const session = await signIn(after, profile.email);
      const requestId = await openRequest(
        after.as,
        schoolVisitInput({ requiredSkills: [{ skillCode: 'rights.gender-equality', minLevel: 3 }] }),
      );
      await after.drainQueue();
      const proposals = () => after.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
      expect((await proposals()).body.total).toBe(0);

      const stale = await after
        .as(session)
        .put(`/volunteers/${resident.id}/consent`, { version: '2026-04', agreed: true });
      expect(stale.status).toBe(400);
      expect(stale.body.details).toEqual([
        expect.objectContaining({ field: 'consent.version', code: 'validation.notCurrentNotice' }),
      ]);
      await after
        .as(session)
        .put(`/volunteers/${resident.id}/consent`, { version: '2027-04', agreed: true })
        .expect(200);
      await after.drainQueue();

      expect(
        (await proposals()).body.items.map((p: { volunteer: { id: string } }) => p.volunteer.id),
      ).toEqual([resident.id]);
    } finally {
      await after.close();
    }
  });
});

describe('The privacy notice', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, env: { PRIVACY_NOTICE_VERSION: '2027-04' } });
  });
  afterAll(() => t.close());

  it('is shown to anyone in full, in their language, with the version a sign-up agrees to', async () => {
    const ja = await t.as().get('/privacy-notice').expect(200);
    expect(ja.body.version).toBe('2027-04');
    expect(ja.body.title).toBe('人材バンクにおける個人情報の取り扱い');
    expect(ja.body.sections.map((section: { heading: string }) => section.heading)).toContain(
      '4. 保存と削除',
    );
    const en = await t.as().get('/privacy-notice').set('Accept-Language', 'en').expect(200);
    expect(en.body.sections).toHaveLength(ja.body.sections.length);
    expect(en.body.title).toBe('How the talent bank handles your personal information');
  });
});
