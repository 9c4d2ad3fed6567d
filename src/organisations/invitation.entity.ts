import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { SUPPORTED_LOCALES, type Locale } from '../common/i18n/i18n.js';
import { Organisation } from './organisation.entity.js';
import { StoredSecret } from '../accounts/secret-token.js';

/**
 * A coordinator's invitation for a staff member to act for an organisation. The link mailed to them
 * works once, until it expires; accepting it opens their requester account.
 */
@Entity('invitations')
@Index('invitations_organisation_idx', ['organisationId'])
@Check(
  'invitations_locale_check',
  `locale IN (${SUPPORTED_LOCALES.map((locale) => `'${locale}'`).join(', ')})`,
)
export class Invitation extends StoredSecret {
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Relation<Organisation>;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  /** The language the invitation is written in. */
  @Column('text')
  locale: Locale;

  /** The coordinator or admin who sent it. */
  @Column('uuid')
  invitedBy: string;

  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;
}
