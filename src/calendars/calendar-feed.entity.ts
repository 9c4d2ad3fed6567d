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
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';

export const FEED_OWNERS = ['resident', 'organisation'] as const;
/** Whose activities a feed lists: one resident's, or every activity of one organisation's requests. */
export type FeedOwner = (typeof FEED_OWNERS)[number];

/**
 * A private calendar feed URL (カレンダー購読URL) that a calendar app polls without signing in. The secret
 * in the URL is shown once; only its SHA-256 is kept. One live feed per resident and per organisation:
 * making a new one revokes the old.
 */
@Entity('calendar_feeds')
@Check(
  'calendar_feeds_owner_check',
  `(owner = 'resident' AND volunteer_id IS NOT NULL AND organisation_id IS NULL)
   OR (owner = 'organisation' AND organisation_id IS NOT NULL AND volunteer_id IS NULL)`,
)
@Index('calendar_feeds_live_resident_key', ['volunteerId'], { unique: true, where: 'revoked_at IS NULL' })
@Index('calendar_feeds_live_organisation_key', ['organisationId'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('bytea', { unique: true })
  tokenHash: Buffer;

  @Column('text')
  owner: FeedOwner;

  @Column('uuid', { nullable: true })
  volunteerId: string | null;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer> | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Relation<Organisation> | null;

  /** The account that made it. */
  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Once set, the URL answers 404. */
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
