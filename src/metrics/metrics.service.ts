import { Injectable } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics: its own (CPU, memory, event loop), HTTP requests, and the jobs its
 * workers run. Figures read from the database or the queues at scrape time are added by the API (see
 * ServiceFigures), so several workers do not report the same figure twice.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'talent_bank_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'talent_bank_job_duration_seconds',
    help: 'Queue jobs run by this process, by queue, job name and outcome',
    labelNames: ['queue', 'name', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  private readonly jobFailures = new Counter({
    name: 'talent_bank_job_failures_total',
    help: 'Attempts of queue jobs that failed (each retry counts), by queue and job name',
    labelNames: ['queue', 'name'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records how long each job of `worker` took and which failed. */
  watch(worker: Worker): void {
    const observe = (job: { name: string; processedOn?: number; finishedOn?: number }, outcome: string) => {
      if (job.processedOn && job.finishedOn)
        this.jobDuration.observe(
          { queue: worker.name, name: job.name, outcome },
          (job.finishedOn - job.processedOn) / 1000,
        );
    };
    worker.on('completed', (job) => observe(job, 'completed'));
    worker.on('failed', (job) => {
      if (!job) return;
      this.jobFailures.inc({ queue: worker.name, name: job.name });
      observe(job, 'failed');
    });
  }
}
