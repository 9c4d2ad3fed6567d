import { makeAccount, PASSWORD } from './factories/account.factory.js';
import { volunteerInput } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('Limits on guessing passwords and on sign-ups', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp({ withWorker: false, env: { SIGN_UPS_PER_ADDRESS: '2' } });
    // A second API process on the same database and Redis, as behind a load balancer.
    second = await startTestApp({
      withWorker: false,
      shareDatabaseWith: first,
      env: { SIGN_UPS_PER_ADDRESS: '2' },
    });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('locks an account after five wrong passwords, across both API processes, even for the right one', async () => {
    const { email } = await makeAccount(first);
    for (const api of [first, second, first, second, first]) {
      await api.as().post('/auth/login', { email, password: 'wrong guess' }).expect(401);
    }
    const locked = await second.as().post('/auth/login', { email, password: PASSWORD }).expect(429);
    expect(locked.body.message).toBe('試行回数が多すぎます。15 分ほどたってからもう一度お試しください。');
    await first.as().post('/auth/login', { email, password: PASSWORD }).expect(429);
  });

  it('forgets earlier failures once the right password gets through', async () => {
    const { email } = await makeAccount(first);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await first.as().post('/auth/login', { email, password: 'wrong guess' }).expect(401);
    }
    await second.as().post('/auth/login', { email, password: PASSWORD }).expect(200);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await first.as().post('/auth/login', { email, password: 'wrong guess' }).expect(401);
    }
    await second.as().post('/auth/login', { email, password: PASSWORD }).expect(200);
  });

  it('limits sign-ups from one address, across both API processes', async () => {
    const signUp = (api: TestApp) =>
      api.as().post('/volunteers/signup', { ...volunteerInput(), password: PASSWORD });
    await signUp(first).expect(201);
    await signUp(second).expect(201);
    await signUp(first).expect(429);
  });

  it('counts each client behind a trusted proxy on its own', async () => {
    const proxied = await startTestApp({
      withWorker: false,
      env: { SIGN_UPS_PER_ADDRESS: '1', TRUST_PROXY: 'loopback' },
    });
    try {
      const signUp = (client: string) =>
        proxied
          .as()
          .post('/volunteers/signup', { ...volunteerInput(), password: PASSWORD })
          .set('X-Forwarded-For', client);
      await signUp('203.0.113.10').expect(201);
      await signUp('203.0.113.11').expect(201);
      await signUp('203.0.113.10').expect(429);
    } finally {
      await proxied.close();
    }
  });
});
