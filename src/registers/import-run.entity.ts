import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import type { FieldProblem } from '../common/errors/domain-error.js';
import type { RegisterKind } from './columns.js';

export const IMPORT_STATUSES = ['queued', 'running', 'previewed', 'applied', 'failed'] as const;
/**
 * `queued` → `running` → `previewed` (a dry run: nothing written) or `applied`; `previewed` → `queued`
 * again when the same file is applied; `failed` when the job gave up.
 */
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

export type OutcomeCounts = Record<RowOutcome, number>;

export function emptyCounts(): OutcomeCounts {
  return { created: 0, updated: 0, unchanged: 0, rejected: 0 };
}

/** One upload of a register file: its bytes until applied, its progress, and what became of its rows. */
@Entity('import_runs')
@Index('import_runs_created_by_idx', ['createdBy'])
@Check('import_runs_kind_check', `kind IN ('residents', 'requests')`)
@Check('import_runs_status_check', `status IN ('queued', 'running', 'previewed', 'applied', 'failed')`)
@Check('import_runs_progress_check', `processed_rows BETWEEN 0 AND total_rows`)
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: RegisterKind;

  @Column('text', { default: 'queued' })
  status: ImportStatus;

  /** True while the run only shows what would happen; applying the same file turns it off. */
  @Column('boolean')
  dryRun: boolean;

  @Column('text')
  fileName: string;

  /** The encoding the file was read in (`utf-8` or `shift_jis`), chosen or detected. */
  @Column('text')
  encoding: 'utf-8' | 'shift_jis';

  /** The file itself, kept until it is applied so the dry run and the import read the same bytes. */
  @Column('bytea', { nullable: true, select: false })
  content: Buffer | null;

  /** Headings of the file that name no field: reported, their cells ignored. */
  @Column('text', { array: true, default: () => "'{}'" })
  unknownColumns: string[];

  @Column('integer')
  totalRows: number;

  /** Rows done so far; a job retried after a crash carries on after them. */
  @Column('integer', { default: 0 })
  processedRows: number;

  @Column('jsonb')
  counts: OutcomeCounts;

  /** Who uploaded it, with the districts they covered then: rows are applied with their rights. */
  @Column('text')
  createdBy: string;

  @Column('jsonb')
  actor: Actor;

  @Column('text', { nullable: true })
  failure: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}

/** What became of one row of a run (and, for a dry run, what would). */
@Entity('import_run_rows')
export class ImportRunRow {
  @Column('uuid', { primary: true })
  runId: string;

  @ManyToOne(() => ImportRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run: Relation<ImportRun>;

  /** The row's line in the file; the header is line 1. */
  @Column('integer', { primary: true })
  line: number;

  @Column('text')
  outcome: RowOutcome;

  /** Why a row was rejected, per column, as message keys (shown in the reader's language). */
  @Column('jsonb', { default: () => "'[]'" })
  reasons: FieldProblem[];

  /** The columns an update changes. */
  @Column('text', { array: true, default: () => "'{}'" })
  changedColumns: string[];

  /** The resident or request the row created or updated (or would update). */
  @Column('uuid', { nullable: true })
  subjectId: string | null;
}
