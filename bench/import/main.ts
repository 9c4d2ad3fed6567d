/**
 * `npm run bench:import -- [--rows N] [--apply]` — the resident import at city size.
 *
 * Generates N resident rows (default 20,000) as Excel writes them in Japan (Shift_JIS, CRLF, full-width
 * digits in the phone numbers), in a fresh database `bench_import` (dropped first if present) migrated by
 * the service's migrations, and runs the import's job handler in this process: the dry run, and with
 * `--apply` the import itself. Prints time, rows per second and the peak memory (RSS) of each, and drops
 * the database at the end, also when it fails.
 *
 * PostgreSQL: BENCH_DATABASE_SERVER_URL (default postgres://postgres@127.0.0.1:5432); Redis: REDIS_URL.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import iconv from 'iconv-lite';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CORE_MODULES } from '../../src/app.module.js';
import { emptyCounts, ImportRun } from '../../src/registers/import-run.entity.js';
import { ImportRunner } from '../../src/registers/import-runner.js';
import { RegistersWorkerModule } from '../../src/registers/registers-worker.module.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '20000' }, apply: { type: 'boolean', default: false } },
});
const ROWS = Number(values.rows);
const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'bench_import';
const DISTRICTS = ['平', '小名浜', '勿来', '常磐', '内郷', '四倉'];
const SKILLS = ['書道', '茶道', '昔遊び', '郷土の歴史', '自然観察', '応急手当'];
const toFullWidth = (text: string) =>
  text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function register(rows: number): Buffer {
  const lines = ['氏名,ふりがな,電話番号,メールアドレス,地区,分野,言語,オンライン可,公開可'];
  for (let i = 0; i < rows; i += 1) {
    const phone = toFullWidth(`0246-${String(10 + (i % 90))}-${String(1000 + (i % 9000))}`);
    lines.push(
      `住民\u3000${i},ジュウミン,${phone},resident${i}@bench.example.jp,${DISTRICTS[i % DISTRICTS.length]},` +
        `${SKILLS[i % SKILLS.length]}(${1 + (i % 5)})、${SKILLS[(i + 1) % SKILLS.length]},日本語,${i % 2 ? '可' : '不可'},不可`,
    );
  }
  return iconv.encode(lines.join('\r\n'), 'Shift_JIS');
}

@Module({ imports: [...CORE_MODULES, RegistersWorkerModule] })
class BenchModule {}

async function measure(label: string, rows: number, work: () => Promise<void>): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(
    `${label.padEnd(10)} ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s, peak RSS ${Math.round(peak / 2 ** 20)} MiB`,
  );
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  process.env.DATABASE_URL = `${SERVER}/${DATABASE}`;
  process.env.QUEUE_PREFIX = `bench-import-${process.pid}`;
  process.env.LOG_LEVEL = 'warn';
  try {
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    const dataSource = app.get(DataSource);
    await dataSource.runMigrations();
    const file = register(ROWS);
    console.log(`file: ${ROWS} rows, ${(file.length / 2 ** 20).toFixed(1)} MiB Shift_JIS`);
    const run = await dataSource.getRepository(ImportRun).save({
      kind: 'residents',
      dryRun: true,
      fileName: 'bench.csv',
      encoding: 'shift_jis',
      content: file,
      unknownColumns: [],
      totalRows: ROWS,
      counts: emptyCounts(),
      createdBy: 'bench',
      actor: { id: 'bench', role: 'admin' },
    });
    const runner = app.get(ImportRunner);
    await measure('dry run', ROWS, () => runner.run(run.id, 'preview'));
    if (values.apply) {
      await dataSource
        .getRepository(ImportRun)
        .update(run.id, { status: 'queued', dryRun: false, processedRows: 0 });
      await measure('apply', ROWS, () => runner.run(run.id, 'apply'));
    }
    const done = await dataSource.getRepository(ImportRun).findOneByOrFail({ id: run.id });
    console.log('outcomes:', JSON.stringify(done.counts));
    await app.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
