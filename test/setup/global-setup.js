import pg from 'pg';

/**
 * Runs outside Jest's module system, so it stays plain JavaScript: it drops the template database left by
 * an earlier run, and the first suite of this run migrates a fresh one (see test/setup/databases.ts).
 */
export default async function globalSetup() {
  const server = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS talent_bank_test_template WITH (FORCE)');
  await client.end();
}
