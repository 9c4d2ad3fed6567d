import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { createSuiteDatabase, databaseUrl, dropDatabase } from './setup/databases.js';
import { until } from './setup/worker-process.js';

// `npm run dev` builds, migrates, then compiles again in watch mode and starts Vite: minutes on two busy cores.
const STARTUP_MS = 6 * 60_000;
jest.setTimeout(STARTUP_MS + 2 * 60_000);

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

/** Whether anything of the process group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group (npm, concurrently, nest's watcher, the API, Vite), SIGKILL to what stays. */
async function stopGroup(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  const gone = () => Promise.resolve(!groupAlive(pid));
  signal('SIGTERM');
  await until(gone, () => 'the dev processes to stop', 30_000).catch(() => signal('SIGKILL'));
  await until(gone, () => 'the dev processes to die', 30_000);
}

/** The status and body of a GET, or null while nothing answers. */
async function get(url: string): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

describe('npm run dev', () => {
  let databaseName: string;
  let dev: ChildProcess | undefined;
  let output = '';
  const queuePrefix = `test-dev-${process.pid}-${Date.now()}`;
  const mailDir = join(tmpdir(), 'talent-bank-test-mail', queuePrefix);
  // Whatever happens to this test, the process group does not outlive it.
  const killGroup = () => {
    if (dev?.pid && groupAlive(dev.pid)) process.kill(-dev.pid, 'SIGKILL');
  };

  beforeAll(async () => {
    databaseName = await createSuiteDatabase();
    process.once('exit', killGroup);
  });

  afterAll(async () => {
    if (dev?.pid) await stopGroup(dev.pid);
    process.off('exit', killGroup);
    if (databaseName) await dropDatabase(databaseName);
    await rm(mailDir, { recursive: true, force: true });
    // The worker in the API left its schedulers and counters under this suite's prefix.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }, 2 * 60_000);

  it('serves the web app from Vite and hands /api to the API with the matching worker in it', async () => {
    const apiPort = await freePort();
    const webPort = await freePort();
    const { NODE_OPTIONS: _jestsOwn, ...env } = process.env;
    // Its own process group (detached), so that every process it starts can be stopped together.
    dev = spawn('npm', ['run', 'dev'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl(databaseName),
        QUEUE_PREFIX: queuePrefix,
        MAIL_DIR: mailDir,
        PORT: String(apiPort),
        WEB_PORT: String(webPort),
        FORCE_COLOR: '0',
      },
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    dev.stdout?.on('data', keep);
    dev.stderr?.on('data', keep);
    const exited = () => dev?.exitCode !== null || dev?.signalCode !== null;
    const waitFor = (what: string, check: () => Promise<boolean>) =>
      until(
        async () => {
          if (exited()) throw new Error(`npm run dev ended (${dev?.exitCode}) before ${what}:\n${output}`);
          return check();
        },
        () => `${what}; npm run dev said:\n${output}`,
        STARTUP_MS,
      );

    const web = `http://localhost:${webPort}`;
    await waitFor('Vite serves the app', async () => {
      const page = await get(`${web}/`);
      return page?.status === 200 && page.body.includes('<div id="root">');
    });
    await waitFor('the API answers', async () => {
      return (await get(`http://localhost:${apiPort}/api/v1/districts`))?.status === 200;
    });
    const districts = await get(`${web}/api/v1/districts`);
    expect(districts?.status).toBe(200);
    expect(JSON.parse(districts!.body)).toContainEqual(expect.objectContaining({ code: 'taira' }));
    // A page deep in the app is the app too (client-side routing), and its module compiles.
    expect((await get(`${web}/my/profile`))?.body).toContain('<div id="root">');
    expect((await get(`${web}/src/main.tsx`))?.status).toBe(200);
    expect(output).toContain('with the matching worker');
  });
});
