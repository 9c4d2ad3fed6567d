import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import {
  FOLLOW_UP_PLAN_JOB_ID,
  MATCHING_JOB_OPTIONS,
  MATCHING_QUEUE,
  PLAN_JOB_ID,
  PLAN_JOB_OPTIONS,
  type MatchingJob,
} from './matching.jobs.js';

/** How long a write waits for Redis to take its matching job before answering anyway. */
const ENQUEUE_TIMEOUT_MS = 2_000;
/** After Redis failed to answer, how long writes skip enqueueing at once (the sweep catches up). */
const QUIET_AFTER_TIMEOUT_MS = 30_000;

/** A record and the revision of it that matching should see. */
export interface Revisioned {
  id: string;
  revision: number;
}

/**
 * Enqueues matching after a change has been committed. The job id names the record and its revision, so
 * the same change never runs twice, while a newer change always gets a run of its own. Should Redis not
 * answer, the caller's answer does not wait for it: the record stays behind on `matched_revision` and the
 * periodic sweep enqueues the run later.
 */
@Injectable()
export class MatchingTrigger {
  private readonly logger = new Logger(MatchingTrigger.name);
  private quietUntil = 0;

  constructor(
    @InjectQueue(MATCHING_QUEUE)
    private readonly queue: Queue<MatchingJob['data'], unknown, MatchingJob['name']>,
    private readonly config: AppConfig,
  ) {}

  /**
   * Asks for a city-wide plan after `PLANNING_DEBOUNCE_MS`. While one is waiting, further asks join it;
   * while one runs, they ask for one follow-up (the running plan also starts over itself when it sees
   * its inputs change).
   */
  async planSoon(): Promise<void> {
    if (this.config.PLANNING_DEBOUNCE_MS === 0) return;
    await this.plan(this.config.PLANNING_DEBOUNCE_MS);
  }

  /** A coordinator asks for a city-wide plan now, whatever the automatic plans are set to. */
  planNow(): Promise<void> {
    return this.plan(0);
  }

  private async plan(delay: number): Promise<void> {
    const state = await (await this.queue.getJob(PLAN_JOB_ID))?.getState();
    // Waiting for its parts to be planned is running too: the plan's inputs are already read.
    const running = state === 'active' || state === 'waiting-children';
    await this.queue.add(
      'plan-city',
      {},
      {
        ...PLAN_JOB_OPTIONS,
        jobId: running ? FOLLOW_UP_PLAN_JOB_ID : PLAN_JOB_ID,
        delay,
      },
    );
  }

  requestChanged(request: Revisioned, options: { retryFailed?: boolean } = {}): Promise<void> {
    const job: MatchingJob = { name: 'match-request', data: { requestId: request.id } };
    return this.enqueue(job, `match-request_${request.id}_r${request.revision}`, options);
  }

  volunteerChanged(volunteer: Revisioned, options: { retryFailed?: boolean } = {}): Promise<void> {
    const job: MatchingJob = { name: 'rematch-volunteer', data: { volunteerId: volunteer.id } };
    return this.enqueue(job, `rematch-volunteer_${volunteer.id}_r${volunteer.revision}`, options);
  }

  /**
   * `retryFailed` is for the sweep: a job of this revision that failed for good blocks its id, so it is
   * retried rather than added again.
   */
  private async enqueue(job: MatchingJob, jobId: string, options: { retryFailed?: boolean }): Promise<void> {
    if (Date.now() < this.quietUntil) return;
    let timer: NodeJS.Timeout | undefined;
    const noAnswer = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisSilentError()), ENQUEUE_TIMEOUT_MS);
    });
    const adding = async () => {
      const failed = options.retryFailed ? await this.queue.getJob(jobId) : undefined;
      if (failed && (await failed.isFailed())) await failed.retry();
      else await this.queue.add(job.name, job.data, { ...MATCHING_JOB_OPTIONS, jobId });
    };
    try {
      await Promise.race([adding(), noAnswer]);
    } catch (error) {
      if (!(error instanceof RedisSilentError)) throw error;
      this.quietUntil = Date.now() + QUIET_AFTER_TIMEOUT_MS;
      this.logger.warn(`Redis did not take ${jobId} in ${ENQUEUE_TIMEOUT_MS} ms; the sweep will enqueue it`);
    } finally {
      clearTimeout(timer);
    }
  }
}

class RedisSilentError extends Error {}
