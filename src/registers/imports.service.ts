import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import { translate, type Locale } from '../common/i18n/i18n.js';
import { Page } from '../common/pagination/pagination.js';
import { inTransaction } from '../database/transaction.js';
import { mapColumns } from './columns.js';
import { readCsv } from './csv-file.js';
import type { ImportRowQueryDto, ImportRowView, ImportRunView, StartImportDto } from './dto/import.dto.js';
import { emptyCounts, ImportRun, ImportRunRow } from './import-run.entity.js';
import { IMPORT_JOB_OPTIONS, importJobId, REGISTERS_QUEUE, type RegisterJob } from './registers.jobs.js';

export interface UploadedCsv {
  originalname: string;
  buffer: Buffer;
}

/**
 * Imports of registers from the city office's CSV files. Every file, small or large, takes one path: the
 * upload is checked (encoding, header) and stored as a run, and the worker weighs or applies its rows.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(REGISTERS_QUEUE)
    private readonly queue: Queue<RegisterJob['data'], void, RegisterJob['name']>,
  ) {}

  async start(file: UploadedCsv | undefined, dto: StartImportDto, actor: Actor): Promise<ImportRunView> {
    if (!file || file.buffer.length === 0) {
      throw new InvalidInputError([{ field: 'file', code: 'validation.isDefined' }]);
    }
    const table = readCsv(file.buffer, dto.encoding ?? 'auto');
    const columns = mapColumns(dto.kind, table.header);
    const dryRun = dto.dryRun ?? true;
    const run = await this.dataSource.getRepository(ImportRun).save({
      kind: dto.kind,
      dryRun,
      fileName: file.originalname.slice(0, 200),
      encoding: table.encoding,
      content: file.buffer,
      unknownColumns: columns.unknown,
      totalRows: table.rows.length,
      counts: emptyCounts(),
      createdBy: actor.id,
      actor,
    });
    await this.enqueue(run.id, dryRun ? 'preview' : 'apply');
    return this.findOne(run.id, actor);
  }

  /** Applies the file of a finished dry run, as it was previewed. */
  async apply(id: string, actor: Actor): Promise<ImportRunView> {
    await inTransaction(this.dataSource, async (manager) => {
      const run = await manager.findOne(ImportRun, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!run || !this.maySee(run, actor)) throw new NotFoundError('importRun', id);
      if (run.status !== 'previewed') {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'importRun',
          from: run.status,
          action: 'apply',
        });
      }
      await manager.update(ImportRun, id, {
        status: 'queued',
        dryRun: false,
        processedRows: 0,
        finishedAt: null,
      });
    });
    await this.enqueue(id, 'apply');
    return this.findOne(id, actor);
  }

  async list(actor: Actor): Promise<ImportRunView[]> {
    const runs = await this.dataSource.getRepository(ImportRun).find({
      where: actor.role === 'admin' ? {} : { createdBy: actor.id },
      order: { createdAt: 'DESC' },
      take: 20,
    });
    return runs.map(view);
  }

  async findOne(id: string, actor: Actor): Promise<ImportRunView> {
    const run = await this.dataSource.getRepository(ImportRun).findOneBy({ id });
    if (!run || !this.maySee(run, actor)) throw new NotFoundError('importRun', id);
    return view(run);
  }

  async rows(
    id: string,
    query: ImportRowQueryDto,
    actor: Actor,
    locale: Locale,
  ): Promise<Page<ImportRowView>> {
    await this.findOne(id, actor);
    const [rows, total] = await this.dataSource.getRepository(ImportRunRow).findAndCount({
      where: { runId: id, ...(query.outcome ? { outcome: query.outcome } : {}) },
      order: { line: 'ASC' },
      skip: query.skip,
      take: query.perPage,
    });
    return Page.of(
      rows.map((row) => ({
        line: row.line,
        outcome: row.outcome,
        reasons: row.reasons.map((reason) => ({
          column: reason.field,
          code: reason.code,
          message: translate(locale, reason.code, reason.params),
        })),
        changedColumns: row.changedColumns,
        subjectId: row.subjectId,
      })),
      total,
      query,
    );
  }

  /** Whoever uploaded a file follows it; the city office sees every run. */
  private maySee(run: ImportRun, actor: Actor): boolean {
    return actor.role === 'admin' || run.createdBy === actor.id;
  }

  private async enqueue(runId: string, phase: RegisterJob['name']): Promise<void> {
    await this.queue.add(phase, { runId }, { ...IMPORT_JOB_OPTIONS, jobId: importJobId(runId, phase) });
  }
}

function view(run: ImportRun): ImportRunView {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    dryRun: run.dryRun,
    fileName: run.fileName,
    encoding: run.encoding,
    unknownColumns: run.unknownColumns,
    totalRows: run.totalRows,
    processedRows: run.processedRows,
    counts: run.counts,
    failure: run.failure,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}
