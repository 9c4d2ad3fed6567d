import {
  Column,
  Entity,
  Exclusion,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { RequestSlot } from '../requests/request-slot.entity.js';
import { Proposal } from './proposal.entity.js';

/**
 * One session a resident is committed to: written when a coordinator approves, removed when the resident
 * declines or the request is cancelled. The exclusion constraint is what makes double booking impossible,
 * even for two coordinators approving at the same instant.
 */
@Entity('bookings')
@Unique('bookings_proposal_slot_key', ['proposalId', 'slotId'])
@Exclusion('bookings_no_overlap', 'USING gist ("volunteer_id" WITH =, "during" WITH &&)')
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  proposalId: string;

  @ManyToOne(() => Proposal, (proposal) => proposal.bookings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal: Relation<Proposal>;

  @Column('uuid')
  volunteerId: string;

  @Column('uuid')
  slotId: string;

  // A session with someone booked for it is never deleted out from under them.
  @ManyToOne(() => RequestSlot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id' })
  slot: Relation<RequestSlot>;

  /** The session's time, half-open `[start, end)`. */
  @Column('tstzrange')
  during: string;
}
