import { startTestApp, type TestApp } from './setup/test-app.js';

describe('HTTP hardening', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('sends security headers with every answer', async () => {
    const response = await t.as().get('/districts').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a body over 100 kB with a message in Japanese', async () => {
    const response = await t
      .as()
      .post('/auth/login', { email: 'a@example.jp', password: 'x'.repeat(120_000) })
      .expect(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'HttpException',
      message: 'リクエストが大きすぎます。',
    });
  });

  it('lets no other web origin call the API from a browser unless configured', async () => {
    const response = await t.as().get('/districts').set('Origin', 'https://evil.example.com').expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
