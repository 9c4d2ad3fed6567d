import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MATCHING_JOB_OPTIONS, MATCHING_QUEUE, type MatchingJob } from './matching.jobs.js';

interface Revisioned {
  id: string;
  revision: number;
}

/**
 * Enqueues matching after a change has been committed. The job id names the record and its revision, so
 * the same change never runs twice, while a newer change always gets a run of its own. Should Redis be
 * unreachable, the record stays behind on `matched_revision` and the periodic sweep enqueues it later.
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
    try {
      await this.queue.add(job.name, job.data, { ...MATCHING_JOB_OPTIONS, jobId });
    } catch (error) {
      this.logger.warn(`Could not enqueue ${jobId}; the sweep will retry it: ${String(error)}`);
    }
  }
}
