import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import {
  MATCHING_QUEUE,
  MATCHING_WORKER_OPTIONS,
  type CityPlanProgress,
  type MatchingJob,
} from './matching.jobs.js';
import { MatchingService } from './matching.service.js';
import { MatchingTrigger } from './matching-trigger.service.js';
import { CityPlanFlow } from './city-plan.flow.js';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';
import { Metrics } from '../metrics/metrics.service.js';

const SWEEP_SCHEDULER = 'matching-sweep';
const NIGHTLY_PLAN_SCHEDULER = 'matching-nightly-plan';

/** Runs the matching queue's jobs; lives in the worker process (and in the API when configured so). */
@Processor(MATCHING_QUEUE, MATCHING_WORKER_OPTIONS)
export class MatchingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly matching: MatchingService,
    private readonly cityPlan: CityPlanFlow,
    private readonly trigger: MatchingTrigger,
    private readonly config: AppConfig,
    @InjectQueue(MATCHING_QUEUE) private readonly queue: Queue,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.watch(this.worker);
    if (this.config.MATCHING_SWEEP_EVERY_MS === 0) {
      await this.queue.removeJobScheduler(SWEEP_SCHEDULER);
    } else {
      await this.queue.upsertJobScheduler(
        SWEEP_SCHEDULER,
        { every: this.config.MATCHING_SWEEP_EVERY_MS },
        { name: 'sweep', data: {} },
      );
    }
    await this.scheduleNightlyPlan();
  }

  private async scheduleNightlyPlan(): Promise<void> {
    if (this.config.PLANNING_DEBOUNCE_MS === 0) {
      await this.queue.removeJobScheduler(NIGHTLY_PLAN_SCHEDULER);
    } else {
      await this.queue.upsertJobScheduler(
        NIGHTLY_PLAN_SCHEDULER,
        { pattern: '0 3 * * *', tz: JAPAN_TIME_ZONE },
        { name: 'plan-city', data: {} },
      );
    }
  }

  async process(
    job: Job<MatchingJob['data'], unknown, MatchingJob['name']>,
    token?: string,
  ): Promise<unknown> {
    const typed = { name: job.name, data: job.data } as MatchingJob;
    switch (typed.name) {
      // The quick path proposes at once; the next city-wide plan then improves on it.
      case 'match-request': {
        const outcome = await this.matching.matchRequest(typed.data.requestId);
        await this.trigger.planSoon();
        return outcome;
      }
      case 'rematch-volunteer': {
        const outcome = await this.matching.rematchVolunteer(typed.data.volunteerId);
        await this.trigger.planSoon();
        return outcome;
      }
      case 'plan-city':
        return this.cityPlan.run(job as Job<CityPlanProgress>, token!);
      case 'sweep':
        return this.matching.sweep();
    }
  }
}
