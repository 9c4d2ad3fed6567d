import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { inTransaction } from '../database/transaction.js';
import { mapColumns, type RequestField, type ResidentField } from './columns.js';
import { readCsv, type CsvRow } from './csv-file.js';
import { emptyCounts, ImportRun, ImportRunRow, type OutcomeCounts } from './import-run.entity.js';
import { readRequestRow, requestKey } from './request-rows.js';
import { RequestImporter } from './request-importer.js';
import { readResidentRow, residentKey } from './resident-rows.js';
import { ResidentImporter } from './resident-importer.js';
import { rejected, type RowResult } from './row-outcome.js';
import { Vocabulary } from './vocabulary.js';

/** Rows whose outcomes and progress are written together: often enough to watch, rarely enough to be quick. */
const BATCH = 100;

/**
 * Runs one import: reads the stored file, weighs or applies each row, and records each row's outcome and
 * the run's progress. Each row is applied in its own transaction (the domain service's), so a bad row is
 * reported and the rest still go in; a row is never half-written. A job that dies mid-way is retried and
 * carries on after the last recorded row; rows applied but not yet recorded come out `unchanged`, because
 * the natural keys find them.
 */
@Injectable()
export class ImportRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly residents: ResidentImporter,
    private readonly requests: RequestImporter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async run(runId: string, phase: 'preview' | 'apply'): Promise<void> {
    const runs = this.dataSource.getRepository(ImportRun);
    const run = await runs
      .createQueryBuilder('run')
      .addSelect('run.content')
      .where('run.id = :runId', { runId })
      .getOne();
    // Done already (a retried or repeated job): nothing more to do.
    if (
      !run ||
      run.status === 'applied' ||
      (phase === 'preview' && run.status === 'previewed') ||
      !run.content
    )
      return;
    const dryRun = phase === 'preview';
    const resumeAfter = dryRun ? 0 : run.processedRows;
    if (dryRun || resumeAfter === 0) await this.dataSource.getRepository(ImportRunRow).delete({ runId });
    await runs.update(runId, {
      status: 'running',
      ...(resumeAfter === 0 ? { processedRows: 0, counts: emptyCounts() } : {}),
    });

    const table = readCsv(run.content, run.encoding);
    const vocabulary = await Vocabulary.load(this.dataSource.manager);
    const weigh = this.rowHandler(run, table.header, vocabulary, dryRun);
    const counts = resumeAfter === 0 ? emptyCounts() : { ...run.counts };
    let batch: RowResult[] = [];
    for (const [i, row] of table.rows.entries()) {
      const result = await weigh(row, i < resumeAfter);
      if (i < resumeAfter) continue;
      batch.push(result);
      counts[result.outcome] += 1;
      if (batch.length === BATCH || i === table.rows.length - 1) {
        await this.record(runId, batch, counts, i + 1);
        batch = [];
      }
    }
    await inTransaction(this.dataSource, async (manager) => {
      await manager.update(ImportRun, runId, {
        status: dryRun ? 'previewed' : 'applied',
        finishedAt: this.clock.now(),
        ...(dryRun ? {} : { content: null }),
      });
      if (!dryRun) {
        await this.audit.record(
          manager,
          run.actor,
          'registers.imported',
          { type: 'importRun', id: runId },
          {
            kind: run.kind,
            ...counts,
          },
        );
      }
    });
  }

  /**
   * Reads a row, refuses a second row with the key of an earlier one, and hands it to its importer. Rows
   * before the point a retried job resumes from are only read, for their keys.
   */
  private rowHandler(run: ImportRun, header: string[], vocabulary: Vocabulary, dryRun: boolean) {
    const firstLineOf = new Map<string, number>();
    const seen = (key: string, line: number) => {
      const first = firstLineOf.get(key);
      if (first === undefined) firstLineOf.set(key, line);
      return first;
    };
    if (run.kind === 'residents') {
      const map = mapColumns<ResidentField>('residents', header);
      return async (row: CsvRow, skip: boolean): Promise<RowResult> => {
        const read = readResidentRow(row, map, vocabulary);
        if (read.problems.length > 0) return rejected(row.line, read.problems);
        const first = seen(residentKey(read.profile), row.line);
        if (first !== undefined)
          return rejected(row.line, [{ field: '', code: 'import.sameAsLine', params: { line: first } }]);
        return skip ? rejected(row.line, []) : this.residents.handle(read, map, run.actor, dryRun);
      };
    }
    const map = mapColumns<RequestField>('requests', header);
    const now = this.clock.now();
    return async (row: CsvRow, skip: boolean): Promise<RowResult> => {
      const read = readRequestRow(row, map, vocabulary, now);
      if (read.problems.length > 0) return rejected(row.line, read.problems);
      const first = seen(requestKey(read), row.line);
      if (first !== undefined)
        return rejected(row.line, [{ field: '', code: 'import.sameAsLine', params: { line: first } }]);
      return skip ? rejected(row.line, []) : this.requests.handle(read, map, run.actor, dryRun);
    };
  }

  private async record(
    runId: string,
    batch: RowResult[],
    counts: OutcomeCounts,
    processedRows: number,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ImportRunRow)
        .values(batch.map((result) => ({ runId, ...result })) as QueryDeepPartialEntity<ImportRunRow>[])
        .orUpdate(['outcome', 'reasons', 'changed_columns', 'subject_id'], ['run_id', 'line'])
        .execute();
      await manager.update(ImportRun, runId, { counts, processedRows });
    });
  }

  async fail(runId: string, error: unknown): Promise<void> {
    await this.dataSource.getRepository(ImportRun).update(runId, {
      status: 'failed',
      failure: error instanceof Error ? error.message : String(error),
      finishedAt: this.clock.now(),
    });
  }
}
