import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { StoredSecret } from '../accounts/secret-token.js';
import { Proposal } from '../proposals/proposal.entity.js';

/**
 * The link in an approval mail that lets the resident accept or decline without signing in: works once,
 * until the first session starts or a week has passed.
 */
@Entity('answer_links')
export class AnswerLink extends StoredSecret {
  @Column('uuid')
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal: Relation<Proposal>;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
