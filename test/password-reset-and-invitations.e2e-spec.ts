import { makeAccount, signIn } from './factories/account.factory.js';
import { mailTo, tokenMailedTo } from './factories/mailbox.js';
import { coordinator, schoolStaff } from './factories/personas.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('Forgotten passwords and invitations by mailed link', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.backToNow());

  it('mails a one-time link that sets a new password and ends every earlier session', async () => {
    const { email } = await makeAccount(t, { name: '鈴木 花子' });
    const earlier = await signIn(t, email);

    await t.as().post('/auth/password-reset', { email: email.toUpperCase() }).expect(202);
    const [mail] = await mailTo(t, email);
    expect(mail.subject).toBe('【人材バンク】パスワードの再設定');
    expect(mail.text).toContain('鈴木 花子 様');
    expect(mail.text).toContain(`${t.config.PUBLIC_URL}/reset-password?token=`);
    const token = await tokenMailedTo(t, email);

    const reset = await t
      .as()
      .post('/auth/password-reset/confirm', { token, newPassword: 'a fresh spring passphrase' })
      .expect(200);
    await t.as({ token: reset.body.token }).get('/auth/me').expect(200);
    await t.as(earlier).get('/auth/me').expect(401);
    await signIn(t, email, 'a fresh spring passphrase');

    const again = await t
      .as()
      .post('/auth/password-reset/confirm', { token, newPassword: 'someone else’s passphrase' })
      .expect(400);
    expect(again.body.details).toEqual([
      expect.objectContaining({ field: 'token', message: expect.stringContaining('有効期限') }),
    ]);
  });

  it('answers the same for an unknown address and mails nobody', async () => {
    const unknown = await t.as().post('/auth/password-reset', { email: 'nobody@example.jp' }).expect(202);
    expect(unknown.body).toEqual({});
    expect(await mailTo(t, 'nobody@example.jp')).toEqual([]);
  });

  it('refuses a reset link after an hour, and one replaced by a newer link', async () => {
    const { email } = await makeAccount(t);
    await t.as().post('/auth/password-reset', { email }).expect(202);
    const first = await tokenMailedTo(t, email);
    await t.as().post('/auth/password-reset', { email }).expect(202);
    const second = await tokenMailedTo(t, email);
    expect(second).not.toBe(first);

    const newPassword = 'a passphrase too late';
    await t.as().post('/auth/password-reset/confirm', { token: first, newPassword }).expect(400);
    t.clock.travelTo(new Date(Date.now() + 61 * 60_000));
    await t.as().post('/auth/password-reset/confirm', { token: second, newPassword }).expect(400);
  });

  it('lets a coordinator invite a school’s staff member, who sets a password and acts for the school', async () => {
    const [school] = (await t.as(schoolStaff).get('/organisations').expect(200)).body;
    const invited = await t
      .as(coordinator)
      .post(`/organisations/${school.id}/invitations`, {
        email: 'kyoto.sensei@example.jp',
        name: '平第一小学校 教務 京都',
        locale: 'en',
      })
      .expect(201);
    expect(invited.body).toMatchObject({ organisationId: school.id, email: 'kyoto.sensei@example.jp' });
    const [mail] = await mailTo(t, 'kyoto.sensei@example.jp');
    expect(mail.subject).toBe(`[Talent bank] You are invited to act for ${school.name}`);

    const token = await tokenMailedTo(t, 'kyoto.sensei@example.jp');
    const session = await t
      .as()
      .post('/invitations/accept', { token, password: 'chalk and blackboard' })
      .expect(200);
    expect(session.body.account).toMatchObject({ role: 'requester', name: '平第一小学校 教務 京都' });
    const theirs = await t.as({ token: session.body.token }).get('/organisations').expect(200);
    expect(theirs.body.map((organisation: { id: string }) => organisation.id)).toEqual([school.id]);

    await t.as().post('/invitations/accept', { token, password: 'chalk and blackboard' }).expect(400);
    const twice = await t
      .as(coordinator)
      .post(`/organisations/${school.id}/invitations`, { email: 'Kyoto.Sensei@example.jp', name: '京都' })
      .expect(409);
    expect(twice.body.message).toBe('このメールアドレスはすでに登録されています。');
  });

  it('keeps invitations to coordinators and the city office, and hides unknown organisations', async () => {
    const [school] = (await t.as(schoolStaff).get('/organisations').expect(200)).body;
    const invitation = { email: 'friend@example.jp', name: '友人' };
    await t.as(schoolStaff).post(`/organisations/${school.id}/invitations`, invitation).expect(403);
    await t
      .as(coordinator)
      .post('/organisations/00000000-0000-4000-8000-000000000000/invitations', invitation)
      .expect(404);
    const expired = await t
      .as(coordinator)
      .post(`/organisations/${school.id}/invitations`, { email: 'late@example.jp', name: '遅刻' })
      .expect(201);
    t.clock.travelTo(expired.body.expiresAt);
    const token = await tokenMailedTo(t, 'late@example.jp');
    await t.as().post('/invitations/accept', { token, password: 'too late for this' }).expect(400);
  });
});
