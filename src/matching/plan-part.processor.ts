import type { SandboxedJob } from 'bullmq';
import type { PlanPartJob, PlanPartResult } from './matching.jobs.js';
import { planExplained } from './planner/planner.js';

/**
 * Plans one part of a city-wide plan. BullMQ runs this file in a worker thread (a sandboxed processor),
 * so a part that takes half a minute never blocks the worker's event loop: its job locks are renewed
 * on time and its other jobs keep running.
 */
export default function planPart(job: SandboxedJob<PlanPartJob>): PlanPartResult {
  return { round: job.data.round, ...planExplained(job.data.instance) };
}
