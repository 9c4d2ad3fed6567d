import { ConflictError, InvalidInputError, type FieldProblem } from '../common/errors/domain-error.js';
import type { RowOutcome } from './import-run.entity.js';

/** What became (or would become) of one row. */
export interface RowResult {
  line: number;
  outcome: RowOutcome;
  reasons: FieldProblem[];
  changedColumns: string[];
  subjectId: string | null;
}

export function rejected(line: number, reasons: FieldProblem[]): RowResult {
  return { line, outcome: 'rejected', reasons, changedColumns: [], subjectId: null };
}

export function done(
  line: number,
  outcome: Exclude<RowOutcome, 'rejected'>,
  subjectId: string | null,
  changedColumns: string[] = [],
): RowResult {
  return { line, outcome, reasons: [], changedColumns, subjectId };
}

/**
 * A row the domain service refused (its own checks, or a clash with what is held) is rejected with the
 * service's reasons, reported against the columns they concern; anything else is a fault and propagates.
 */
export function refusedBy(error: unknown, line: number, columnOf: (field: string) => string): RowResult {
  if (error instanceof InvalidInputError) {
    return rejected(
      line,
      error.fields.map((problem) => ({ ...problem, field: columnOf(problem.field) })),
    );
  }
  if (error instanceof ConflictError) {
    return rejected(line, [{ field: '', code: error.code, params: error.params }]);
  }
  throw error;
}
