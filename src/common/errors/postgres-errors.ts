import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE codes for the constraint violations the service turns into 409s. */
const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

function violates(error: unknown, sqlState: string, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === sqlState && driverError.constraint === constraint;
}

export const isUniqueViolation = (error: unknown, constraint: string) =>
  violates(error, UNIQUE_VIOLATION, constraint);
export const isExclusionViolation = (error: unknown, constraint: string) =>
  violates(error, EXCLUSION_VIOLATION, constraint);
