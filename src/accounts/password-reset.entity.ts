import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { StoredSecret } from './secret-token.js';

/** A password-reset link mailed to an account's owner: works once, until it expires. */
@Entity('password_resets')
export class PasswordReset extends StoredSecret {
  @Column('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account>;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
