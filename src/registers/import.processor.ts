import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { ImportRunner } from './import-runner.js';
import { REGISTERS_QUEUE, type RegisterJob } from './registers.jobs.js';

/** Runs imports; lives in the worker process (and in the API when configured so). One file at a time. */
@Processor(REGISTERS_QUEUE, { concurrency: 1 })
export class ImportProcessor extends WorkerHost {
  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job<RegisterJob['data'], void, RegisterJob['name']>): Promise<void> {
    try {
      await this.runner.run(job.data.runId, job.name);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.runner.fail(job.data.runId, error);
      throw error;
    }
  }
}
