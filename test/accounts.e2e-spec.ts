import { makeAccount, PASSWORD, signIn } from './factories/account.factory.js';
import { activeVolunteer } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('Signing in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.backToNow());

  it('signs in with email and password, whatever their case, and knows who is acting', async () => {
    const account = await makeAccount(t, { email: 'Tanaka.Koichi@Example.jp', name: '田中 浩一' });
    const session = await signIn(t, 'tanaka.koichi@example.jp');

    const me = await t.as(session).get('/auth/me').expect(200);
    expect(me.body).toEqual({
      id: account.id,
      email: 'Tanaka.Koichi@Example.jp',
      name: '田中 浩一',
      role: 'coordinator',
      volunteerId: null,
      districtCodes: null,
    });
    const [stored] = await t.dataSource.query(`SELECT password_hash FROM accounts WHERE id = $1`, [
      account.id,
    ]);
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(PASSWORD);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { email } = await makeAccount(t);
    const wrongPassword = await t
      .as()
      .post('/auth/login', { email, password: 'not the password' })
      .expect(401);
    const unknownEmail = await t
      .as()
      .post('/auth/login', { email: 'nobody@example.jp', password: PASSWORD })
      .expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.message).toBe('メールアドレスまたはパスワードが正しくありません。');
  });

  it('ends the session on logout', async () => {
    const { email } = await makeAccount(t);
    const session = await signIn(t, email);
    await t.as(session).post('/auth/logout').expect(204);
    const after = await t.as(session).get('/auth/me').expect(401);
    expect(after.body.error).toBe('UnauthenticatedError');
  });

  it('ends every session when the password changes, and signs in with the new one only', async () => {
    const { email } = await makeAccount(t);
    const [first, second] = [await signIn(t, email), await signIn(t, email)];
    await t
      .as(first)
      .put('/auth/password', { currentPassword: 'wrong one', newPassword: 'a brand new passphrase' })
      .expect(401);

    const changed = await t
      .as(first)
      .put('/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })
      .expect(200);

    await t.as(first).get('/auth/me').expect(401);
    await t.as(second).get('/auth/me').expect(401);
    await t.as({ token: changed.body.token }).get('/auth/me').expect(200);
    await t.as().post('/auth/login', { email, password: PASSWORD }).expect(401);
    await signIn(t, email, 'a brand new passphrase');
  });

  it('lets a session lapse after its lifetime', async () => {
    const { email } = await makeAccount(t);
    const session = await signIn(t, email);
    t.clock.travelTo(new Date(Date.now() + (t.config.SESSION_TTL_HOURS + 1) * 3_600_000));
    await t.as(session).get('/auth/me').expect(401);
  });

  it('stops a suspended account’s session at once, and refuses it a new one', async () => {
    const account = await makeAccount(t);
    const session = await signIn(t, account.email);
    await t.dataSource.query(`UPDATE accounts SET status = 'suspended' WHERE id = $1`, [account.id]);
    await t.as(session).get('/auth/me').expect(401);
    await t.as().post('/auth/login', { email: account.email, password: PASSWORD }).expect(401);
  });

  it('lets a resident’s session act on their own profile only', async () => {
    const resident = await activeVolunteer(t.as);
    const neighbour = await activeVolunteer(t.as);
    const session = { token: resident.token };

    await t.as(session).get(`/volunteers/${resident.id}`).expect(200);
    await t.as(session).get(`/volunteers/${neighbour.id}`).expect(404);
    await t.as(session).get('/volunteers').expect(403);
  });

  it('refuses a second account with the same email, in any case', async () => {
    await makeAccount(t, { email: 'kobayashi@example.jp' });
    await expect(makeAccount(t, { email: 'KOBAYASHI@example.jp' })).rejects.toMatchObject({
      code: 'errors.emailTaken',
    });
  });

  it('lets the city office create a coordinator, and suspend an account so its session stops at once', async () => {
    const admin = await signIn(t, (await makeAccount(t, { role: 'admin' })).email);
    const created = await t
      .as(admin)
      .post('/accounts', {
        email: 'kimura@example.jp',
        name: '木村 直子',
        role: 'coordinator',
        password: 'first password 1',
      })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'kimura@example.jp', role: 'coordinator' });
    const kimura = await signIn(t, 'kimura@example.jp', 'first password 1');
    await t
      .as(kimura)
      .post('/accounts', { email: 'x@example.jp', name: 'x', role: 'admin', password: 'first password 1' })
      .expect(403);

    await t.as(admin).post(`/accounts/${created.body.id}/suspend`).expect(204);
    await t.as(kimura).get('/auth/me').expect(401);
    await t
      .as()
      .post('/auth/login', { email: 'kimura@example.jp', password: 'first password 1' })
      .expect(401);
    await t.as(admin).post(`/accounts/${created.body.id}/reactivate`).expect(204);
    await signIn(t, 'kimura@example.jp', 'first password 1');
  });

  it('signs out a resident the moment a coordinator suspends them, and lets them back once reactivated', async () => {
    const resident = await activeVolunteer(t.as);
    const coordinatorSession = await signIn(t, (await makeAccount(t)).email);
    await t.as(resident).get(`/volunteers/${resident.id}`).expect(200);

    await t
      .as(coordinatorSession)
      .post(`/volunteers/${resident.id}/suspend`, { reason: '確認中' })
      .expect(200);
    await t.as(resident).get(`/volunteers/${resident.id}`).expect(401);

    await t.as(coordinatorSession).post(`/volunteers/${resident.id}/activate`).expect(200);
    const { body } = await t.as(coordinatorSession).get(`/volunteers/${resident.id}`).expect(200);
    const again = await signIn(t, body.email);
    await t.as(again).get(`/volunteers/${resident.id}`).expect(200);
  });
});
