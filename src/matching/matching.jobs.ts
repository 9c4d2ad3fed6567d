import type { JobsOptions, WorkerOptions } from 'bullmq';

export const MATCHING_QUEUE = 'matching';

/** Every job on the matching queue. Payloads carry ids only, never personal data. */
export type MatchingJob =
  | { name: 'match-request'; data: { requestId: string } }
  | { name: 'rematch-volunteer'; data: { volunteerId: string } }
  /** The city-wide plan: all open requests at once (debounced after changes, and nightly). */
  | { name: 'plan-city'; data: Record<string, never> }
  /** Periodic: expires overdue requests and enqueues any match run a failed enqueue left owed. */
  | { name: 'sweep'; data: Record<string, never> };

/**
 * Match runs take well under a second, so a short job lock lets another worker take over a crashed
 * worker's job within about ten seconds instead of BullMQ's default thirty.
 */
export const MATCHING_WORKER_OPTIONS: Partial<WorkerOptions> = {
  concurrency: 2,
  lockDuration: 10_000,
  stalledInterval: 5_000,
};

export const MATCHING_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
};

/**
 * One plan waiting at a time: a single job id, freed as soon as the plan is done. A change while a plan
 * runs asks for one follow-up plan under a second id.
 */
export const PLAN_JOB_ID = 'plan-city';
export const FOLLOW_UP_PLAN_JOB_ID = 'plan-city-follow-up';

export const PLAN_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: true,
};
