import type { DataSource, EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';

/** Deadlock and serialization failure: PostgreSQL rolled the transaction back and it is safe to run again. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Runs `work` in one transaction, and runs it again if PostgreSQL gave up on it because of a deadlock.
 * `work` must only touch the database through `manager`, so that running it again is harmless.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const sqlState =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (attempt >= ATTEMPTS || !sqlState || !RETRYABLE_SQLSTATES.has(sqlState)) throw error;
    }
  }
}
