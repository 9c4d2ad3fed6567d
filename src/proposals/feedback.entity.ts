import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { Proposal } from './proposal.entity.js';

export const FEEDBACK_SIDES = ['volunteer', 'requester'] as const;
export type FeedbackSide = (typeof FEEDBACK_SIDES)[number];

/** What one side said after a completed activity; each side speaks once. */
@Entity('feedback')
@Unique('feedback_proposal_side_key', ['proposalId', 'side'])
@Check('feedback_side_check', `side IN ('volunteer', 'requester')`)
@Check('feedback_rating_check', `rating BETWEEN 1 AND 5`)
export class Feedback {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal: Relation<Proposal>;

  @Column('text')
  side: FeedbackSide;

  /** Satisfaction, 1 (poor) to 5 (excellent). */
  @Column('smallint')
  rating: number;

  @Column('text', { default: '' })
  comment: string;

  @Column('text')
  givenBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
