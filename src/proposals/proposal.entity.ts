import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { PairExplanation } from '../matching/planner/explain.js';
import type { ScoreExplanation } from '../matching/scoring.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { Booking } from './booking.entity.js';

export const PROPOSAL_STATUSES = [
  'proposed',
  'approved',
  'rejected',
  'accepted',
  'declined',
  'completed',
  'withdrawn',
] as const;
/**
 * proposed (by the worker) → approved / rejected (by a coordinator) → accepted / declined (by the resident)
 * → completed (after the activity). `withdrawn`: the worker no longer proposes it, or the request closed.
 */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A coordinator chose the resident by hand (a search, not the worker): their judgement, no score. */
export interface HandPicked {
  total: 0;
  addedByHand: true;
}

export type ProposalExplanation = (ScoreExplanation & { plan?: PairExplanation }) | HandPicked;

/** A pairing of one resident with one request, from proposal to the finished activity. */
@Entity('proposals')
@Index('proposals_volunteer_idx', ['volunteerId'])
@Unique('proposals_request_volunteer_key', ['requestId', 'volunteerId'])
@Check(
  'proposals_status_check',
  `status IN ('proposed', 'approved', 'rejected', 'accepted', 'declined', 'completed', 'withdrawn')`,
)
@Check('proposals_hours_check', `hours IS NULL OR hours > 0`)
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  @ManyToOne(() => ActivityRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<ActivityRequest>;

  @Column('uuid')
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer>;

  @Column('text', { default: 'proposed' })
  status: ProposalStatus;

  @Column('double precision')
  score: number;

  /**
   * Why the worker proposed this person: the score in named parts and the facts behind them; for a
   * proposal a city-wide plan made, also the plan's account (`plan`). A resident a coordinator added by
   * hand has no score, only that mark.
   */
  @Column('jsonb')
  explanation: ProposalExplanation;

  /** Set when a coordinator pins a waiting proposal: new plans keep it, as if it were approved. */
  @Column('timestamptz', { nullable: true })
  lockedAt: Date | null;

  /** The coordinator's reason when rejecting, or the resident's when declining. */
  @Column('text', { nullable: true })
  reason: string | null;

  /** Hours the activity took, recorded when it is completed. */
  @Column('numeric', {
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  hours: number | null;

  /**
   * When the resident accepted. Kept after a withdrawal, so a calendar can tell an activity cancelled
   * after the resident had said yes (it shows as cancelled) from one they never took on.
   */
  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @OneToMany(() => Booking, (booking) => booking.proposal)
  bookings: Relation<Booking[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
