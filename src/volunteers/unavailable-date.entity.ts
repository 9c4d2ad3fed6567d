import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Volunteer } from './volunteer.entity.js';

/** A day the resident is away even though their weekly availability says otherwise. */
@Entity('unavailable_dates')
export class UnavailableDate {
  @PrimaryColumn('uuid')
  volunteerId: string;

  @PrimaryColumn('date')
  date: string;

  @ManyToOne(() => Volunteer, (volunteer) => volunteer.unavailableDates, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer>;

  @Column('text', { nullable: true })
  reason: string | null;
}
