import {
  Check,
  Index,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { ActivityRequest } from './activity-request.entity.js';

/** One dated session of a request. A course has several; whoever takes it must be free for all. */
@Entity('request_slots')
@Index('request_slots_request_idx', ['requestId'])
@Check('request_slots_range_check', `ends_at > starts_at`)
export class RequestSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  @ManyToOne(() => ActivityRequest, (request) => request.slots, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<ActivityRequest>;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  /**
   * How many times the session has moved since it was created: the SEQUENCE calendars see, so a
   * subscribed calendar takes the new time over the one it holds.
   */
  @Column('integer', { default: 0 })
  sequence: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
