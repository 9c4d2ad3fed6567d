import {
  Check,
  Index,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
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
}
