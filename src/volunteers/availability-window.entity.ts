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
import { Volunteer } from './volunteer.entity.js';

/** A weekly recurring time the resident is free, in Japan time: ISO weekday (1 = Monday) and times of day. */
@Entity('availability_windows')
@Index('availability_windows_volunteer_idx', ['volunteerId'])
@Check('availability_windows_weekday_check', `weekday BETWEEN 1 AND 7`)
@Check('availability_windows_range_check', `end_time > start_time`)
export class AvailabilityWindow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  volunteerId: string;

  @ManyToOne(() => Volunteer, (volunteer) => volunteer.availability, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer>;

  @Column('smallint')
  weekday: number;

  /** `HH:MM:SS`, as PostgreSQL returns a `time`. */
  @Column('time')
  startTime: string;

  @Column('time')
  endTime: string;
}
