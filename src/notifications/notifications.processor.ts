import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';
import { NotificationRounds } from './notification-rounds.service.js';
import { NotificationSender } from './notification-sender.service.js';
import { AppConfig } from '../config/app-config.js';
import { Metrics } from '../metrics/metrics.service.js';
import { DIGEST_CRON, NOTIFICATIONS_QUEUE, type NotificationJob } from './notifications.jobs.js';

const SWEEP_SCHEDULER = 'notifications-sweep';
const DIGEST_SCHEDULER = 'notifications-digest';

/** Runs the notifications queue's jobs; lives in the worker process (and in the API when configured so). */
@Processor(NOTIFICATIONS_QUEUE, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sender: NotificationSender,
    private readonly rounds: NotificationRounds,
    private readonly config: AppConfig,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.watch(this.worker);
    if (this.config.MAIL_SWEEP_EVERY_MS === 0) {
      await this.queue.removeJobScheduler(SWEEP_SCHEDULER);
    } else {
      await this.queue.upsertJobScheduler(
        SWEEP_SCHEDULER,
        { every: this.config.MAIL_SWEEP_EVERY_MS },
        { name: 'sweep', data: {} },
      );
    }
    await this.queue.upsertJobScheduler(
      DIGEST_SCHEDULER,
      { pattern: DIGEST_CRON, tz: JAPAN_TIME_ZONE },
      { name: 'digest', data: {} },
    );
  }

  async process(job: Job<NotificationJob['data'], unknown, NotificationJob['name']>): Promise<unknown> {
    const typed = { name: job.name, data: job.data } as NotificationJob;
    switch (typed.name) {
      case 'send':
        return this.sender.send(typed.data.notificationId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      case 'sweep':
        return this.rounds.sweep();
      case 'digest':
        return this.rounds.digest();
    }
  }
}
