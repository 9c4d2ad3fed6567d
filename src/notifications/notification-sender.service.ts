import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { newSecretToken } from '../accounts/secret-token.js';
import { Clock } from '../common/clock.js';
import { inTransaction } from '../database/transaction.js';
import { Mailer } from '../mail/mailer.js';
import { Letters, type Recipient } from './letters.js';
import { Notification } from './notification.entity.js';
import { NotificationOptOut } from './notification-opt-out.entity.js';

export type SendOutcome = 'sent' | 'cancelled' | 'not queued';

/**
 * Mails one notification, at most once. It is marked `sending` (committed) before the SMTP server is
 * asked, and `sent` after: a refusal puts it back to `queued` for the job's next try, while a process
 * that dies mid-send leaves it `sending`, which is never tried again (the sweep marks it failed) —
 * better one mail a coordinator sees as failed than the same mail twice.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: Letters,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async send(notificationId: string, finalAttempt: boolean): Promise<SendOutcome> {
    const claimed = await inTransaction(this.dataSource, async (manager) => {
      const notification = await manager.findOne(Notification, {
        where: { id: notificationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (notification?.status !== 'queued') return undefined;
      const reason = await this.whyNotDue(manager, notification);
      if (reason) {
        await manager.update(Notification, notification.id, { status: 'cancelled', outcome: reason });
        return 'cancelled' as const;
      }
      const [recipient] = await manager.query<Recipient[]>(
        `SELECT email, name, locale, role FROM accounts WHERE id = $1`,
        [notification.accountId],
      );
      const { token, hash } = newSecretToken();
      const message = await this.letters.write(manager, notification, recipient, token);
      await manager.update(Notification, notification.id, {
        status: 'sending',
        attempts: notification.attempts + 1,
        unsubscribeHash: hash,
      });
      return message;
    });
    if (!claimed) return 'not queued';
    if (claimed === 'cancelled') return 'cancelled';
    try {
      await this.mailer.send(claimed);
    } catch (error) {
      // SMTP replies can quote the address; only the reply code is kept.
      const code = (error as { responseCode?: number; code?: string }).responseCode ?? (error as Error).name;
      await this.dataSource.getRepository(Notification).update(notificationId, {
        status: finalAttempt ? 'failed' : 'queued',
        outcome: `SMTP ${code}`,
      });
      this.logger.warn(`Notification ${notificationId} not sent (SMTP ${code})`);
      throw error;
    }
    await this.dataSource
      .getRepository(Notification)
      .update(notificationId, { status: 'sent', sentAt: this.clock.now(), outcome: null });
    return 'sent';
  }

  /** What the worker checks again just before mailing, whatever happened since it was recorded. */
  private async whyNotDue(manager: EntityManager, notification: Notification): Promise<string | undefined> {
    const optedOut = await manager.existsBy(NotificationOptOut, {
      accountId: notification.accountId,
      kind: notification.kind,
    });
    if (optedOut) return 'opted out';
    const [account] = await manager.query<{ status: string }[]>(`SELECT status FROM accounts WHERE id = $1`, [
      notification.accountId,
    ]);
    if (account?.status !== 'active') return 'account not active';
    switch (notification.kind) {
      case 'proposalApproved': {
        const [proposal] = await manager.query<{ status: string }[]>(
          `SELECT status FROM proposals WHERE id = $1`,
          [notification.proposalId],
        );
        return proposal?.status === 'approved' ? undefined : 'already answered or withdrawn';
      }
      case 'sessionMoved':
      case 'sessionReminder': {
        const [slot] = await manager.query<{ starts_at: Date; status: string }[]>(
          `SELECT s.starts_at, r.status FROM request_slots s JOIN requests r ON r.id = s.request_id
            WHERE s.id = $1`,
          [notification.slotId],
        );
        if (!slot || slot.status === 'cancelled') return 'request cancelled';
        return slot.starts_at.toISOString() === notification.facts.startsAt ? undefined : 'session moved';
      }
      default:
        return undefined;
    }
  }
}
