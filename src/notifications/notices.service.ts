import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Notification, type NotificationKind } from './notification.entity.js';
import { NOTIFICATIONS_QUEUE, sendJobOptions, type NotificationJob } from './notifications.jobs.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders go out this many days before each session. */
export const REMINDER_DAYS = [3, 1] as const;
/** How long a change waits for Redis to take its mail jobs before answering anyway (the sweep catches up). */
const ENQUEUE_TIMEOUT_MS = 2_000;

interface About {
  requestId?: string;
  proposalId?: string;
  slotId?: string;
}

interface Owed {
  kind: NotificationKind;
  accountIds: string[];
  /** Names the event; with the recipient's id it makes the notification's dedupe key. */
  event: string;
  about: About;
  facts?: Record<string, string>;
  sendAt?: Date;
}

interface AfterCommit {
  send: { id: string; sendAt: Date }[];
  drop: string[];
}

/**
 * Who is told what. Domain services call these inside the transaction of the change they tell of, so a
 * notification exists exactly when its change does; once the transaction commits, its mail jobs are
 * queued (a TypeORM transaction subscriber), and should Redis not take them, the worker's sweep does.
 */
@Injectable()
export class Notices implements EntitySubscriberInterface {
  private readonly logger = new Logger(Notices.name);
  private readonly afterCommit = new WeakMap<QueryRunner, AfterCommit>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectQueue(NOTIFICATIONS_QUEUE)
    private readonly queue: Queue<NotificationJob['data'], unknown, NotificationJob['name']>,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    dataSource.subscribers.push(this);
  }

  /** A coordinator approved the resident: they are asked to accept or decline. */
  async proposalApproved(manager: EntityManager, proposalId: string): Promise<void> {
    const proposal = await this.proposal(manager, proposalId);
    await this.owe(manager, {
      kind: 'proposalApproved',
      accountIds: await this.residentAccounts(manager, [proposal.volunteer_id]),
      event: `proposalApproved:${proposalId}`,
      about: { proposalId, requestId: proposal.request_id },
    });
  }

  /** The resident answered: the requester's staff are told; on yes, the resident's reminders are set. */
  async proposalAnswered(
    manager: EntityManager,
    proposalId: string,
    answer: 'accepted' | 'declined',
  ): Promise<void> {
    const proposal = await this.proposal(manager, proposalId);
    await this.owe(manager, {
      kind: 'proposalAnswered',
      accountIds: await this.requesterAccounts(manager, proposal.request_id),
      event: `proposalAnswered:${proposalId}:${answer}`,
      about: { proposalId, requestId: proposal.request_id },
      facts: { answer },
    });
    if (answer === 'accepted') await this.scheduleReminders(manager, proposal.request_id);
  }

  async informationRequested(manager: EntityManager, volunteerId: string, askedAt: Date): Promise<void> {
    await this.owe(manager, {
      kind: 'informationRequested',
      accountIds: await this.residentAccounts(manager, [volunteerId]),
      event: `informationRequested:${volunteerId}:${askedAt.toISOString()}`,
      about: {},
    });
  }

  /** Only the first activation is news; one after a suspension is told by the coordinator in person. */
  async residentActivated(manager: EntityManager, volunteerId: string): Promise<void> {
    await this.owe(manager, {
      kind: 'residentActivated',
      accountIds: await this.residentAccounts(manager, [volunteerId]),
      event: `residentActivated:${volunteerId}`,
      about: {},
    });
  }

  /**
   * A request was cancelled: the residents who had been committed to it and the requester's staff (but
   * not whoever cancelled it) are told, and no reminder of it goes out.
   */
  async requestCancelled(
    manager: EntityManager,
    requestId: string,
    committedResidents: string[],
    cancelledBy: string,
  ): Promise<void> {
    await this.dropQueued(manager, { requestId, kind: 'sessionReminder' });
    const recipients = [
      ...(await this.residentAccounts(manager, committedResidents)),
      ...(await this.requesterAccounts(manager, requestId)),
    ].filter((accountId) => accountId !== cancelledBy);
    await this.owe(manager, {
      kind: 'requestCancelled',
      accountIds: recipients,
      event: `requestCancelled:${requestId}`,
      about: { requestId },
    });
  }

  /**
   * The resident no longer takes part (declined after all, withdrawn): their reminders of the request go.
   * The requester's stay while anyone else is still coming.
   */
  async residentReleased(manager: EntityManager, requestId: string, volunteerId: string): Promise<void> {
    const accountIds = await this.residentAccounts(manager, [volunteerId]);
    if (accountIds.length > 0)
      await this.dropQueued(manager, { requestId, kind: 'sessionReminder', accountIds });
  }

  /**
   * Reminders 3 days and 1 day before each session still ahead, for the residents who accepted and the
   * requester's staff. Keyed by the session's start, so a moved session gets new ones (see
   * {@link sessionMoved}) while calling this again for an unchanged one adds nothing.
   */
  async scheduleReminders(manager: EntityManager, requestId: string): Promise<void> {
    const slots = await manager.query<{ id: string; starts_at: Date }[]>(
      `SELECT id, starts_at FROM request_slots WHERE request_id = $1 ORDER BY starts_at`,
      [requestId],
    );
    const accountIds = await this.attendingAccounts(manager, requestId);
    if (accountIds.length === 0) return;
    const now = this.clock.now().getTime();
    for (const slot of slots) {
      for (const days of REMINDER_DAYS) {
        const sendAt = new Date(slot.starts_at.getTime() - days * DAY_MS);
        if (sendAt.getTime() <= now) continue;
        await this.owe(manager, {
          kind: 'sessionReminder',
          accountIds,
          event: `sessionReminder:${slot.id}:${slot.starts_at.toISOString()}:${days}d`,
          about: { requestId, slotId: slot.id },
          facts: { startsAt: slot.starts_at.toISOString(), daysBefore: String(days) },
          sendAt,
        });
      }
    }
  }

  /**
   * A session moved: the residents who accepted and the requester's staff (but not whoever moved it) are
   * told the new time; its reminders for the old time are dropped and new ones set.
   */
  async sessionMoved(
    manager: EntityManager,
    requestId: string,
    slotId: string,
    movedBy: string,
  ): Promise<void> {
    const [slot] = await manager.query<{ starts_at: Date }[]>(
      `SELECT starts_at FROM request_slots WHERE id = $1`,
      [slotId],
    );
    const concerned = await this.attendingAccounts(manager, requestId);
    await this.owe(manager, {
      kind: 'sessionMoved',
      accountIds: concerned.filter((accountId) => accountId !== movedBy),
      event: `sessionMoved:${slotId}:${slot.starts_at.toISOString()}`,
      about: { requestId, slotId },
      facts: { startsAt: slot.starts_at.toISOString() },
    });
    await this.dropQueued(manager, { requestId, slotId, kind: 'sessionReminder' });
    await this.scheduleReminders(manager, requestId);
  }

  /** An open request nears its deadline without enough people: its district's coordinators are told. */
  async requestShort(manager: EntityManager, requestId: string, deadline: Date): Promise<void> {
    const coordinators = await manager.query<{ id: string }[]>(
      `SELECT a.id FROM accounts a, requests r
        WHERE r.id = $1 AND a.role = 'coordinator' AND a.status = 'active'
          AND (a.district_codes IS NULL OR r.district_code IS NULL OR r.district_code = ANY(a.district_codes))`,
      [requestId],
    );
    await this.owe(manager, {
      kind: 'requestShort',
      accountIds: coordinators.map((row) => row.id),
      event: `requestShort:${requestId}:${deadline.toISOString()}`,
      about: { requestId },
    });
  }

  async coordinatorDigest(
    manager: EntityManager,
    accountId: string,
    japanDate: string,
    counts: Record<string, number>,
  ): Promise<void> {
    await this.owe(manager, {
      kind: 'coordinatorDigest',
      accountIds: [accountId],
      event: `coordinatorDigest:${japanDate}`,
      about: {},
      facts: { counts: JSON.stringify(counts) },
    });
  }

  /** Queues the mail of notifications recorded earlier (the sweep, after Redis lost them). */
  async requeue(notifications: { id: string; sendAt: Date }[]): Promise<void> {
    await this.enqueue({ send: notifications, drop: [] });
  }

  private async owe(manager: EntityManager, owed: Owed): Promise<void> {
    const accountIds = [...new Set(owed.accountIds)];
    if (accountIds.length === 0) return;
    const sendAt = owed.sendAt ?? this.clock.now();
    const { raw } = (await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        accountIds.map((accountId) => ({
          kind: owed.kind,
          accountId,
          dedupeKey: `${owed.event}:${accountId}`,
          requestId: owed.about.requestId ?? null,
          proposalId: owed.about.proposalId ?? null,
          slotId: owed.about.slotId ?? null,
          facts: owed.facts ?? {},
          sendAt,
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    this.pending(manager).send.push(...raw.map(({ id }) => ({ id, sendAt })));
  }

  private async dropQueued(
    manager: EntityManager,
    which: { requestId: string; kind: NotificationKind; slotId?: string; accountIds?: string[] },
  ): Promise<void> {
    const { raw } = (await manager
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'cancelled', outcome: 'no longer due' })
      .where({
        requestId: which.requestId,
        kind: which.kind,
        status: 'queued',
        ...(which.slotId ? { slotId: which.slotId } : {}),
        ...(which.accountIds ? { accountId: In(which.accountIds) } : {}),
      })
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    this.pending(manager).drop.push(...raw.map(({ id }) => id));
  }

  private async proposal(manager: EntityManager, proposalId: string) {
    const [proposal] = await manager.query<{ volunteer_id: string; request_id: string }[]>(
      `SELECT volunteer_id, request_id FROM proposals WHERE id = $1`,
      [proposalId],
    );
    return proposal;
  }

  /** Whom a request's sessions concern once someone has accepted: those residents and the requester's staff. */
  private async attendingAccounts(manager: EntityManager, requestId: string): Promise<string[]> {
    const accepted = await manager.query<{ volunteer_id: string }[]>(
      `SELECT volunteer_id FROM proposals WHERE request_id = $1 AND status = 'accepted'`,
      [requestId],
    );
    if (accepted.length === 0) return [];
    return [
      ...(await this.residentAccounts(
        manager,
        accepted.map((row) => row.volunteer_id),
      )),
      ...(await this.requesterAccounts(manager, requestId)),
    ];
  }

  private async residentAccounts(manager: EntityManager, volunteerIds: string[]): Promise<string[]> {
    if (volunteerIds.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM accounts WHERE volunteer_id = ANY($1) AND status = 'active'`,
      [volunteerIds],
    );
    return rows.map((row) => row.id);
  }

  private async requesterAccounts(manager: EntityManager, requestId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT a.id FROM accounts a
         JOIN memberships m ON m.account_id = a.id
         JOIN requests r ON r.organisation_id = m.organisation_id
        WHERE r.id = $1 AND a.status = 'active'`,
      [requestId],
    );
    return rows.map((row) => row.id);
  }

  private pending(manager: EntityManager): AfterCommit {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      // Not in a transaction: what was written is already committed.
      const now: AfterCommit = { send: [], drop: [] };
      queueMicrotask(() => void this.enqueue(now));
      return now;
    }
    let owed = this.afterCommit.get(runner);
    if (!owed) this.afterCommit.set(runner, (owed = { send: [], drop: [] }));
    return owed;
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const owed = this.afterCommit.get(event.queryRunner);
    this.afterCommit.delete(event.queryRunner);
    if (owed) await this.enqueue(owed);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.afterCommit.delete(event.queryRunner);
  }

  private async enqueue({ send, drop }: AfterCommit): Promise<void> {
    if (send.length === 0 && drop.length === 0) return;
    const now = this.clock.now().getTime();
    const work = async () => {
      await this.queue.addBulk(
        send.map(({ id, sendAt }) => ({
          name: 'send' as const,
          data: { notificationId: id },
          opts: {
            ...sendJobOptions(this.config.MAIL_RETRY_DELAY_MS),
            jobId: id,
            delay: Math.max(0, sendAt.getTime() - now),
          },
        })),
      );
      // The worker checks again before sending; removing spares Redis jobs that would do nothing.
      await Promise.all(drop.map((id) => this.queue.remove(id)));
    };
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<'silent'>((resolve) => {
      timer = setTimeout(() => resolve('silent'), ENQUEUE_TIMEOUT_MS);
    });
    try {
      if ((await Promise.race([work(), silent])) === 'silent')
        this.logger.warn(`Redis did not take ${send.length} mail jobs in time; the sweep will queue them`);
    } catch (error) {
      this.logger.warn(`Mail jobs not queued (${String(error)}); the sweep will queue them`);
    } finally {
      clearTimeout(timer);
    }
  }
}
