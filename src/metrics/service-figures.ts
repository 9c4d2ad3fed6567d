import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MATCHING_QUEUE, PLANNING_QUEUE } from '../matching/matching.jobs.js';
import { NOTIFICATIONS_QUEUE } from '../notifications/notifications.jobs.js';
import { REGISTERS_QUEUE } from '../registers/registers.jobs.js';
import { Metrics } from './metrics.service.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'waiting-children'] as const;

const logger = new Logger('ServiceFigures');

/**
 * A figure that cannot be read (PostgreSQL or Redis away) is left out of the scrape rather than failing
 * it: the process's own metrics still arrive, and `/health/ready` says what is wrong.
 */
function tolerant<G>(collect: (this: G) => Promise<void>) {
  return async function (this: G): Promise<void> {
    try {
      await collect.call(this);
    } catch (error) {
      logger.warn(`A figure for /metrics could not be read: ${(error as Error).message}`);
    }
  };
}

/**
 * What the service as a whole has done, read when Prometheus scrapes the API: jobs in each queue, the
 * steps of matching (from the audit trail, so it counts every process's work) and mail sent or not.
 */
@Injectable()
export class ServiceFigures {
  constructor(
    metrics: Metrics,
    @InjectDataSource() dataSource: DataSource,
    @InjectQueue(MATCHING_QUEUE) matching: Queue,
    @InjectQueue(PLANNING_QUEUE) planning: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) notifications: Queue,
    @InjectQueue(REGISTERS_QUEUE) registers: Queue,
  ) {
    new Gauge({
      name: 'talent_bank_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      collect: tolerant(async function (this: Gauge<'queue' | 'state'>) {
        for (const queue of [matching, planning, notifications, registers]) {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      }),
    });
    new Gauge({
      name: 'talent_bank_matches',
      help: 'Residents proposed, approved by a coordinator, and accepted, since the service began',
      labelNames: ['step'] as const,
      registers: [metrics.registry],
      collect: tolerant(async function (this: Gauge<'step'>) {
        const rows = await dataSource.query<{ step: string; count: number }[]>(
          `SELECT split_part(action, '.', 2) AS step, count(*)::int AS count FROM audit_entries
            WHERE action IN ('proposal.proposed', 'proposal.approved', 'proposal.accepted')
            GROUP BY action`,
        );
        for (const step of ['proposed', 'approved', 'accepted'])
          this.set({ step }, rows.find((row) => row.step === step)?.count ?? 0);
      }),
    });
    new Gauge({
      name: 'talent_bank_mails',
      help: 'Notifications by kind and status (sent, failed, queued, cancelled)',
      labelNames: ['kind', 'status'] as const,
      registers: [metrics.registry],
      collect: tolerant(async function (this: Gauge<'kind' | 'status'>) {
        this.reset();
        const rows = await dataSource.query<{ kind: string; status: string; count: number }[]>(
          `SELECT kind, status, count(*)::int AS count FROM notifications GROUP BY kind, status`,
        );
        for (const row of rows) this.set({ kind: row.kind, status: row.status }, row.count);
      }),
    });
  }
}
