import pg from 'pg';

/** Drops this run's template database (named in global-setup.js). */
export default async function globalTeardown() {
  const server = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${process.env.TALENT_BANK_TEST_TEMPLATE}" WITH (FORCE)`);
  await client.end();
}
