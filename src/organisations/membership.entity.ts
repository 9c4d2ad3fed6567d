import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Account } from '../accounts/account.entity.js';
import { Organisation } from './organisation.entity.js';

/** A requester's account acting for an organisation. */
@Entity('memberships')
export class Membership {
  @PrimaryColumn('uuid')
  accountId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Relation<Organisation>;
}
