import { QueryFailedError } from 'typeorm';
import { PASSWORD } from './factories/account.factory.js';
import { coordinator, volunteerInput } from './factories/volunteer.factory.js';
import { VolunteersService } from '../src/volunteers/volunteers.service.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('What the logs hold', () => {
  const lines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      withWorker: true,
      env: { LOG_LEVEL: 'trace' },
      logTo: { write: (line: string) => lines.push(line) },
    });
  });
  afterAll(() => t.close());

  it('never contains contact details, names or passwords, whatever happens', async () => {
    const resident = volunteerInput({
      name: '高橋 美咲',
      nameKana: 'たかはし みさき',
      email: 'misaki.takahashi.logs@example.jp',
      phone: '090-5555-0123',
    });
    const newPassword = 'my second secret phrase';
    const signedUp = await t
      .as()
      .post('/volunteers/signup', { ...resident, password: PASSWORD })
      .expect(201);
    const id = signedUp.body.account.volunteerId as string;
    await t.as().post('/auth/login', { email: resident.email, password: 'a wrong guess' }).expect(401);
    const session = await t
      .as()
      .post('/auth/login', { email: resident.email, password: PASSWORD })
      .expect(200);
    await t
      .as({ token: session.body.token })
      .put('/auth/password', { currentPassword: PASSWORD, newPassword })
      .expect(200);
    await t.as().post('/auth/password-reset', { email: resident.email }).expect(202);
    await t
      .as()
      .post('/volunteers/signup', { ...resident, password: PASSWORD })
      .expect(409);
    await t
      .as()
      .post('/volunteers/signup', { ...resident, phone: 'call me', password: PASSWORD })
      .expect(400);
    await t
      .as(coordinator)
      .get(`/volunteers?q=${encodeURIComponent(resident.name)}`)
      .expect(200);
    await t
      .as(coordinator)
      .post(`/volunteers/${id}/activate`, { reason: `${resident.name}さん 面談済み` })
      .expect(200);
    await t.drainQueue();
    // A database failure in the middle of a request, its parameters carrying the resident's details.
    const service = t.app.get(VolunteersService);
    const original = service.findOne.bind(service);
    service.findOne = () => {
      throw new QueryFailedError(
        'SELECT … WHERE email = $1 AND phone = $2',
        [resident.email, resident.phone],
        new Error(`duplicate key: Key (lower(email))=(${resident.email}) already exists.`),
      );
    };
    await t.as(coordinator).get(`/volunteers/${id}`).expect(500);
    service.findOne = original;
    // Links from mails carry their secret in the path.
    const mailedSecret = 'q3Ck9vQm0f2L7xYtR8pWz1sDnE4aHjKuB6gVcXo5iMl';
    await t.as().get(`/answer-links/${mailedSecret}`).expect(400);
    await t.as().post(`/unsubscribe/${mailedSecret}`).expect(400);

    const log = lines.join('');
    expect(log).toContain('"statusCode":401');
    expect(log).toContain('QueryFailedError');
    expect(log).toContain('"path":"/api/v1/answer-links/[redacted]"');
    for (const secret of [
      resident.name,
      resident.nameKana,
      resident.email,
      resident.phone,
      PASSWORD,
      newPassword,
      session.body.token,
      mailedSecret,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
