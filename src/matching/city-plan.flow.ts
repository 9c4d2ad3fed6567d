import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue, UnrecoverableError, WaitingChildrenError, type Job } from 'bullmq';
import {
  PLAN_PART_JOB_OPTIONS,
  PLANNING_QUEUE,
  type CityPlanProgress,
  type PlanPartJob,
  type PlanPartResult,
} from './matching.jobs.js';
import { PlanningService, type PlanWritten } from './planning.service.js';

/** A plan whose inputs changed while it was made starts over, at most this often before giving up. */
const MAX_ROUNDS = 5;

/**
 * Retrying would only give up again at once (the rounds are counted in the job), so the job fails for
 * good; the next change, or the nightly plan, starts a fresh one.
 */
export class PlanningInputsKeptChangingError extends UnrecoverableError {}

/**
 * The city-wide plan as a BullMQ flow. The plan job reads the inputs and splits them into independent
 * parts, which become its child jobs on the planning queue, so every worker process (on every machine)
 * can take some; the plan job then waits without holding a worker, and once every part is planned it
 * joins them and writes the plan, once. Each step is recorded in the job's data, so a retry, or another
 * worker taking over from a crashed one, goes on where it stopped.
 */
@Injectable()
export class CityPlanFlow {
  constructor(
    private readonly planning: PlanningService,
    @InjectQueue(PLANNING_QUEUE) private readonly parts: Queue<PlanPartJob, PlanPartResult>,
  ) {}

  async run(job: Job<CityPlanProgress>, token: string): Promise<PlanWritten & { attempts: number }> {
    for (;;) {
      if (!job.data.round) await this.startRound(job);
      if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();
      const { attempt, round, fingerprint, parts } = job.data as Required<CityPlanProgress>;
      // Parts of an earlier round (one that was interrupted or found its inputs changed) are ignored.
      const planned = Object.values(await job.getChildrenValues<PlanPartResult>()).filter(
        (part) => part.round === round,
      );
      const written =
        planned.length === parts
          ? await this.planning.write(
              fingerprint,
              planned.flatMap((part) => part.assignments),
            )
          : 'inputsChanged';
      if (written !== 'inputsChanged') return { ...written, attempts: attempt };
      await job.updateData({ attempt });
    }
  }

  /**
   * The parts are added before the round is recorded: should the worker die in between, the retry
   * starts another round, and the orphaned parts are planned and ignored.
   */
  private async startRound(job: Job<CityPlanProgress>): Promise<void> {
    const attempt = (job.data.attempt ?? 0) + 1;
    if (attempt > MAX_ROUNDS) {
      throw new PlanningInputsKeptChangingError(`planning inputs changed during ${MAX_ROUNDS} rounds`);
    }
    const { fingerprint, parts } = await this.planning.prepare();
    const round = randomUUID();
    await this.parts.addBulk(
      parts.map((instance, i) => ({
        name: 'plan-part',
        data: { round, instance },
        opts: {
          ...PLAN_PART_JOB_OPTIONS,
          jobId: `${round}_${i}`,
          parent: { id: job.id!, queue: job.queueQualifiedName },
        },
      })),
    );
    await job.updateData({ attempt, round, fingerprint, parts: parts.length });
  }
}
