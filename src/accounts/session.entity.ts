import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { StoredSecret } from './secret-token.js';

/**
 * A signed-in session. The bearer token itself is never stored, only its SHA-256, so a copy of the
 * database does not let anyone sign in. Revoking a session (logout, password change, suspension) is
 * immediate: every request looks its session up.
 */
@Entity('sessions')
@Index('sessions_account_idx', ['accountId'])
export class Session extends StoredSecret {
  @Column('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account>;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
