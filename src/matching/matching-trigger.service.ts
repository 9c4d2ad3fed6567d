import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MATCHING_JOB_OPTIONS, MATCHING_QUEUE, type MatchingJob } from './matching.jobs.js';

/** How long a request to the API waits for Redis to take a job before answering anyway. */
const ENQUEUE_TIMEOUT_MS = 2_000;

interface Revisioned {
  id: string;
  revision: number;
}

/**
 * Enqueues matching after a change has been committed. The job id names the record and its revision, so
 * the same change never runs twice, while a newer change always gets a run of its own. Should Redis be
 * unreachable, the caller's answer does not wait for it: the record stays behind on `matched_revision`
 * and the periodic sweep enqueues the run later.
 */
@Injectable()
export class MatchingTrigger {
  private readonly logger = new Logger(MatchingTrigger.name);

  constructor(
    @InjectQueue(MATCHING_QUEUE)
    private readonly queue: Queue<MatchingJob['data'], unknown, MatchingJob['name']>,
  ) {}

  requestChanged(request: Revisioned): Promise<void> {
    return this.enqueue(
      { name: 'match-request', data: { requestId: request.id } },
      `match-request:${request.id}:${request.revision}`,
    );
  }

  volunteerChanged(volunteer: Revisioned): Promise<void> {
    return this.enqueue(
      { name: 'rematch-volunteer', data: { volunteerId: volunteer.id } },
      `rematch-volunteer:${volunteer.id}:${volunteer.revision}`,
    );
  }

  private async enqueue(job: MatchingJob, jobId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const noAnswer = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`)),
        ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.queue.add(job.name, job.data, { ...MATCHING_JOB_OPTIONS, jobId }), noAnswer]);
    } catch (error) {
      this.logger.warn(`Could not enqueue ${jobId}; the sweep will retry it: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
