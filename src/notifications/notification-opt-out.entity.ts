import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Account } from '../accounts/account.entity.js';
import type { NotificationKind } from './notification.entity.js';

/** A kind of message someone asked not to get (from their settings, or a link in such a message). */
@Entity('notification_opt_outs')
export class NotificationOptOut {
  @PrimaryColumn('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account>;

  @PrimaryColumn('text')
  kind: NotificationKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
