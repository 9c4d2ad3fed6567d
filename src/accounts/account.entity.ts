import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { ROLES, type Role } from '../common/actor/actor.js';
import type { Locale } from '../common/i18n/i18n.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';

export const ACCOUNT_STATUSES = ['active', 'suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Someone who signs in: a resident, a requester's staff member, a coordinator or the city office. */
@Entity('accounts')
@Check('accounts_role_check', `role IN (${ROLES.map((role) => `'${role}'`).join(', ')})`)
@Check('accounts_status_check', `status IN ('active', 'suspended')`)
@Check('accounts_locale_check', `locale IN ('ja', 'en')`)
@Check('accounts_volunteer_role_check', `volunteer_id IS NULL OR role = 'volunteer'`)
@Check('accounts_district_codes_check', `district_codes IS NULL OR role = 'coordinator'`)
// Unique on lower(email), which TypeORM cannot express: declared in the migration.
@Index('accounts_email_key', { synchronize: false })
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  role: Role;

  @Column('text', { default: 'active' })
  status: AccountStatus;

  /** `scrypt$…` (see password-hasher.ts). */
  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  /** The language the service writes to them in (mail); chosen at sign-up, changed in their settings. */
  @Column('text', { default: 'ja' })
  locale: Locale;

  /** The districts a coordinator is limited to; null covers the whole city. */
  @Column('text', { array: true, nullable: true })
  districtCodes: string[] | null;

  /** A resident's account is linked to their profile in the talent bank. */
  @Column('uuid', { nullable: true })
  volunteerId: string | null;

  @OneToOne(() => Volunteer, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
