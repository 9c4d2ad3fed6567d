import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { MATCHING_QUEUE, MATCHING_WORKER_OPTIONS, type MatchingJob } from './matching.jobs.js';
import { MatchingService } from './matching.service.js';

const SWEEP_SCHEDULER = 'matching-sweep';

/** Runs the matching queue's jobs; lives in the worker process (and in the API when configured so). */
@Processor(MATCHING_QUEUE, MATCHING_WORKER_OPTIONS)
export class MatchingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly matching: MatchingService,
    private readonly config: AppConfig,
    @InjectQueue(MATCHING_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.MATCHING_SWEEP_EVERY_MS === 0) {
      await this.queue.removeJobScheduler(SWEEP_SCHEDULER);
    } else {
      await this.queue.upsertJobScheduler(
        SWEEP_SCHEDULER,
        { every: this.config.MATCHING_SWEEP_EVERY_MS },
        { name: 'sweep', data: {} },
      );
    }
  }

  async process(job: Job<MatchingJob['data'], unknown, MatchingJob['name']>): Promise<unknown> {
    const typed = { name: job.name, data: job.data } as MatchingJob;
    switch (typed.name) {
      case 'match-request':
        return this.matching.matchRequest(typed.data.requestId);
      case 'rematch-volunteer':
        return this.matching.rematchVolunteer(typed.data.volunteerId);
      case 'sweep':
        return this.matching.sweep();
    }
  }
}
