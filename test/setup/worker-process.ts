import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import type { TestApp } from './test-app.js';

/** A worker process (`dist/src/worker.js`, as deployed) on a test app's database and queue prefix. */
export interface WorkerProcess {
  /** What it has written to stdout and stderr so far, for failure messages. */
  output: () => string;
  /** Kills it at once, as a crash or a pulled plug would: no shutdown, no cleanup. */
  crash: () => Promise<void>;
  /** Asks it to stop, as a deployment does (SIGTERM); resolves once it has exited. */
  stop: () => Promise<void>;
}

export function startWorkerProcess(t: TestApp, env: Record<string, string> = {}): WorkerProcess {
  const worker: ChildProcess = spawn(process.execPath, ['dist/src/worker.js'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: t.config.DATABASE_URL,
      REDIS_URL: t.config.REDIS_URL,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      MAIL_DIR: t.config.MAIL_DIR,
      MATCHING_SWEEP_EVERY_MS: '0',
      MAIL_SWEEP_EVERY_MS: '0',
      PLANNING_DEBOUNCE_MS: '0',
      // No HTTP, so several workers of parallel suites never want the same port.
      WORKER_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    output: () => output || 'none',
    async crash() {
      if (worker.exitCode !== null || worker.signalCode !== null) return;
      worker.kill('SIGKILL');
      await once(worker, 'exit');
    },
    async stop() {
      if (worker.exitCode !== null || worker.signalCode !== null) return;
      const exited = once(worker, 'exit');
      worker.kill('SIGTERM');
      await exited;
    },
  };
}

export async function until(
  condition: () => Promise<boolean>,
  what: () => string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Holds the audit table, so whatever writes proposals (they are always audited) stops mid-transaction:
 * proposals inserted, not committed. `writersWaiting` says when someone is stuck there; `release` lets
 * them go on.
 */
export async function holdAuditWrites(t: TestApp) {
  const blocker = new pg.Client({ connectionString: t.config.DATABASE_URL });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE audit_entries IN EXCLUSIVE MODE');
  return {
    // Asked on another connection: inside the blocker's transaction, pg_stat_activity is a frozen snapshot.
    writersWaiting: async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND datname = current_database()
              AND query LIKE 'INSERT INTO "audit_entries"%'`,
        )
      )[0].n > 0,
    async release() {
      await blocker.query('ROLLBACK');
      await blocker.end();
    },
  };
}
