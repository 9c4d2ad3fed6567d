import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../accounts/account.entity.js';

/** What the service tells people, by mail. Residents (and everyone else) can stop each kind. */
export const NOTIFICATION_KINDS = [
  /** A coordinator approved a proposal: the resident is asked to accept or decline. */
  'proposalApproved',
  /** The resident accepted or declined: the requester's staff are told. */
  'proposalAnswered',
  /** A coordinator asked a resident waiting for review for more information. */
  'informationRequested',
  /** A resident's registration was reviewed and activated. */
  'residentActivated',
  /** A request was cancelled: the residents committed to it and the requester's staff are told. */
  'requestCancelled',
  /** A session moved to another time: the residents who accepted and the requester's staff. */
  'sessionMoved',
  /** 3 days and 1 day before each session, to the resident and the requester's staff. */
  'sessionReminder',
  /** A request nears its deadline without enough people: the coordinators of its district. */
  'requestShort',
  /** Every morning, what waits for a coordinator. */
  'coordinatorDigest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One message to one person, written in the same transaction as the change it tells of, then mailed by
 * the worker. `dedupeKey` names the event and the recipient, so the same event is never recorded (nor
 * mailed) twice. It holds ids only; the mail is written from the current data when it is sent.
 */
@Entity('notifications')
@Index('notifications_due_idx', ['status', 'sendAt'])
@Check('notifications_kind_check', `kind IN (${NOTIFICATION_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
@Check(
  'notifications_status_check',
  `status IN (${NOTIFICATION_STATUSES.map((status) => `'${status}'`).join(', ')})`,
)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: NotificationKind;

  @Column('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account>;

  @Column('text', { unique: true })
  dedupeKey: string;

  /** What it is about: the request, and where it concerns them, the proposal and the session. */
  @Column('uuid', { nullable: true })
  @Index('notifications_request_idx')
  requestId: string | null;

  @Column('uuid', { nullable: true })
  proposalId: string | null;

  @Column('uuid', { nullable: true })
  slotId: string | null;

  /** Small facts of the event that the data will not show later (e.g. accepted or declined). */
  @Column('jsonb', { default: {} })
  facts: Record<string, string>;

  /** Not before: reminders wait for their day. */
  @Column('timestamptz')
  sendAt: Date;

  @Column('text', { default: 'queued' })
  status: NotificationStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  /** Why the last attempt failed or why it was not sent (no personal data). */
  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** SHA-256 of the secret in the message's unsubscribe link. */
  @Column('bytea', { nullable: true, unique: true })
  unsubscribeHash: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
