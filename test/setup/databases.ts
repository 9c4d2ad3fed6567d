import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

/** The server the tests use; every suite gets a database of its own on it. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
/** Named per test run by global-setup.js. */
export const TEMPLATE_DATABASE = process.env.TALENT_BANK_TEST_TEMPLATE ?? 'talent_bank_test_template';

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL}/${name}`;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates this run's template on first use. Suites run in parallel
 * workers, so the first to arrive does it under an advisory lock while the others wait.
 */
async function ensureTemplate(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [TEMPLATE_DATABASE]);
    try {
      const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [
        TEMPLATE_DATABASE,
      ]);
      if (rowCount) return;
      await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
      const dataSource = new DataSource(dataSourceOptions(databaseUrl(TEMPLATE_DATABASE)));
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.destroy();
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [TEMPLATE_DATABASE]);
    }
  });
}

/** Copies the migrated template: milliseconds, and each suite starts from the same clean schema. */
export async function createSuiteDatabase(): Promise<string> {
  await ensureTemplate();
  const name = `talent_bank_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`),
  );
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
