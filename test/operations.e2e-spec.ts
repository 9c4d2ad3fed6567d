import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import request from 'supertest';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { TestSmtpServer } from './setup/smtp-server.js';
import { startTestApp, type TestApp } from './setup/test-app.js';
import { startWorkerProcess, until } from './setup/worker-process.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

/** A Redis of the test's own, which it can stop and start again, as an outage would. */
class ThrowawayRedis {
  private process?: ChildProcess;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await until(
      () =>
        new Promise<boolean>((resolve) => {
          const probe = spawn('redis-cli', ['-p', String(this.port), 'ping'], { stdio: 'ignore' });
          probe.on('exit', (code) => resolve(code === 0));
        }),
      () => `Redis on port ${this.port}`,
    );
  }

  async stop(): Promise<void> {
    const exited = once(this.process!, 'exit');
    this.process!.kill('SIGTERM');
    await exited;
  }
}

describe('Running it: health, metrics, request ids', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, env: { METRICS_TOKEN: 'scraper-secret' } });
  });
  afterAll(() => t.close());

  it('answers /health at once and /health/ready with what it checked', async () => {
    await request(t.app.getHttpServer())
      .get('/health')
      .expect(200, { status: 'ok', info: {}, error: {}, details: {} });
    const { body } = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    expect(Object.keys(body.details).sort()).toEqual(['database', 'migrations', 'process', 'redis']);
    expect(body.status).toBe('ok');
  });

  it('gives Prometheus its figures by route pattern, queue and step, only with the token', async () => {
    const resident = await activeVolunteer(t.as);
    await openRequest(t.as, schoolVisitInput());
    await t.as(coordinator).get(`/volunteers/${resident.id}`).expect(200);
    const server = request(t.app.getHttpServer());

    await server.get('/metrics').expect(401);
    await server.get('/metrics').set('Authorization', 'Bearer a guess').expect(401);
    const { text } = await server.get('/metrics').set('Authorization', 'Bearer scraper-secret').expect(200);

    expect(text).toContain(
      'talent_bank_http_request_duration_seconds_count{method="GET",route="/api/v1/volunteers/:id",status="200"} 1',
    );
    expect(text).not.toContain(resident.id);
    expect(text).toMatch(/talent_bank_queue_jobs\{queue="matching",state="waiting"\} \d+/);
    expect(text).toContain('talent_bank_matches{step="approved"} 0');
    expect(text).toContain('talent_bank_mails{kind="residentActivated",status="queued"} 1');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('gives every answer a request id, keeping one a proxy sent', async () => {
    const given = await t.as().get('/districts').set('X-Request-Id', 'lb-7f3a-0001').expect(200);
    expect(given.headers['x-request-id']).toBe('lb-7f3a-0001');
    const made = await t.as().get('/districts').set('X-Request-Id', 'not a <sane> id').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('When Redis stops and comes back', () => {
  let redis: ThrowawayRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = new ThrowawayRedis(await freePort());
    await redis.start();
    t = await startTestApp({ withWorker: false, redisUrl: `redis://127.0.0.1:${redis.port}` });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop().catch(() => undefined);
  });

  it('is not ready while Redis is away, and ready again once it is back', async () => {
    const server = request(t.app.getHttpServer());
    await server.get('/health/ready').expect(200);

    await redis.stop();
    const { body } = await server.get('/health/ready').expect(503);
    expect(body.error.redis.status).toBe('down');
    expect(body.info.database.status).toBe('up');
    await server.get('/health').expect(200);

    await redis.start();
    await until(
      async () => (await server.get('/health/ready')).status === 200,
      () => 'ready again after Redis came back',
    );
  });
});

describe('Stopping the worker (SIGTERM) in the middle of a job', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ withWorker: false, env: { SMTP_URL: smtpUrl } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('lets the job finish before it exits: the mail goes out once and is recorded as sent', async () => {
    smtp.answerAfterMs = 2_000;
    const worker = startWorkerProcess(t, { SMTP_URL: smtp.url });
    try {
      const email = `sigterm.${Date.now()}@example.jp`;
      await activeVolunteer(t.as, { email });
      // The activation mail is being handed over (the server takes 2 s to answer) when the worker is stopped.
      await until(() => Promise.resolve(smtp.begun > 0), worker.output);
      const stopping = worker.stop();
      // It waits for the job: the server answers after 2 s, and only then does the worker exit.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.received).toHaveLength(0);
      await stopping;
      expect(smtp.to(email, 'residentActivated')).toHaveLength(1);
      const [record] = await t.dataSource.query(
        `SELECT status, attempts FROM notifications WHERE kind = 'residentActivated'`,
      );
      expect(record).toEqual({ status: 'sent', attempts: 1 });
    } finally {
      await worker.crash();
    }
  });
});

describe('A wrong setting', () => {
  async function start(script: string, env: Record<string, string>) {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, output };
  }

  it('stops the API at start, naming the setting', async () => {
    const { code, output } = await start('dist/src/main.js', { PORT: 'eighty' });
    expect(code).not.toBe(0);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT');
  });

  it('stops the worker at start, naming the setting', async () => {
    const { code, output } = await start('dist/src/worker.js', { SMTP_URL: 'mail.example.jp' });
    expect(code).not.toBe(0);
    expect(output).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
  });
});
