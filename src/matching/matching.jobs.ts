import type { JobsOptions, WorkerOptions } from 'bullmq';
import type { PlannerInstance } from './planner/instance.js';
import type { ExplainedPlan } from './planner/planner.js';

export const MATCHING_QUEUE = 'matching';

/** Every job on the matching queue. Payloads carry ids only, never personal data. */
export type MatchingJob =
  | { name: 'match-request'; data: { requestId: string } }
  | { name: 'rematch-volunteer'; data: { volunteerId: string } }
  /** The city-wide plan: all open requests at once (debounced after changes, and nightly). */
  | { name: 'plan-city'; data: CityPlanProgress }
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

/**
 * How far a city-wide plan has come, kept in its job so a retry, or another worker taking over a
 * crashed one, goes on from there. A round is one attempt at the current inputs: its parts are child
 * jobs on the planning queue, and `fingerprint` is what the inputs looked like when it began.
 */
export interface CityPlanProgress {
  attempt?: number;
  round?: string;
  fingerprint?: string;
  parts?: number;
}

/** Parts of a city-wide plan, planned in worker threads by whichever worker process is free. */
export const PLANNING_QUEUE = 'planning';

/** One part of a city-wide plan: residents and requests that share no candidate with any other part. */
export interface PlanPartJob {
  round: string;
  instance: PlannerInstance;
}

export type PlanPartResult = ExplainedPlan & { round: string };

/** Parts are grouped components of at least this many candidate pairs (a bigger component stays whole). */
export const PAIRS_PER_PART = 5_000;

export const PLAN_PART_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  // Its result is kept by the plan job that waits for it; a part that fails for good fails the plan.
  removeOnComplete: true,
  removeOnFail: { count: 20 },
  failParentOnFailure: true,
};
