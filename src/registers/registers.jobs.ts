import type { JobsOptions } from 'bullmq';

export const REGISTERS_QUEUE = 'registers';

/**
 * Every job on the registers queue: one run of an import, as a dry run (`preview`) or for real (`apply`).
 * The job id names the run and the phase, so the same phase of a run is queued once.
 */
export type RegisterJob = { name: 'preview' | 'apply'; data: { runId: string } };

export function importJobId(runId: string, phase: RegisterJob['name']): string {
  return `import-${phase}-${runId}`;
}

export const IMPORT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 1_000 },
};
