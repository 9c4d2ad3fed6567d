import type { JobsOptions } from 'bullmq';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** Every job on the notifications queue. Payloads carry ids only, never personal data. */
export type NotificationJob =
  /** Mails one recorded notification; the job id is the notification's id, so it is queued once. */
  | { name: 'send'; data: { notificationId: string } }
  /** Periodic: queues what a lost Redis forgot, tells coordinators of requests short near their deadline. */
  | { name: 'sweep'; data: Record<string, never> }
  /** Every morning in Japan: each coordinator's digest of what waits for them. */
  | { name: 'digest'; data: Record<string, never> };

export function sendJobOptions(retryDelayMs: number): JobsOptions {
  return {
    // SMTP servers refuse for a while (greylisting, maintenance): about a day of tries at the default.
    attempts: 8,
    backoff: { type: 'exponential', delay: retryDelayMs },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  };
}

/** 08:00 in Japan, before the coordinators' day begins. */
export const DIGEST_CRON = '0 8 * * *';
