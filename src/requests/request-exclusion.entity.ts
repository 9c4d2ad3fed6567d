import {
  CreateDateColumn,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { ActivityRequest } from './activity-request.entity.js';

/**
 * A coordinator's decision that a resident is not to be proposed for a request (they know something the
 * data does not). Both the per-request path and the city-wide plan leave the pair out.
 */
@Entity('request_exclusions')
export class RequestExclusion {
  @PrimaryColumn('uuid')
  requestId: string;

  @PrimaryColumn('uuid')
  volunteerId: string;

  @ManyToOne(() => ActivityRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<ActivityRequest>;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer>;

  @Column('text')
  reason: string;

  /** The coordinator's account. */
  @Column('uuid')
  excludedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
