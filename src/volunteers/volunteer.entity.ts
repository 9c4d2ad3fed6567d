import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { District } from '../districts/district.entity.js';
import { AvailabilityWindow } from './availability-window.entity.js';
import { LearningOutcome } from './learning-outcome.entity.js';
import { UnavailableDate } from './unavailable-date.entity.js';
import { VolunteerSkill } from './volunteer-skill.entity.js';

export const VOLUNTEER_STATUSES = ['pending_review', 'active', 'suspended', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** A resident registered in the talent bank (人材バンク登録者): volunteer, guest teacher or instructor. */
@Entity('volunteers')
@Check('volunteers_status_check', `status IN ('pending_review', 'active', 'suspended', 'withdrawn')`)
@Check('volunteers_monthly_cap_check', `monthly_cap BETWEEN 1 AND 31`)
@Check('volunteers_consent_check', `(consent_version IS NULL) = (consented_at IS NULL)`)
@Check(
  'volunteers_information_requested_check',
  `(information_requested IS NULL) = (information_requested_at IS NULL)`,
)
// Unique on lower(email), which TypeORM cannot express: declared in the migration.
@Index('volunteers_email_key', { synchronize: false })
export class Volunteer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Reading of the name in kana (ふりがな), for sorting and for reading it aloud correctly. */
  @Column('text')
  nameKana: string;

  @Column('text')
  email: string;

  @Column('text')
  phone: string;

  @Column('text')
  homeDistrictCode: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_district_code' })
  homeDistrict: Relation<District>;

  /** Districts the resident will travel to, besides their own. */
  @ManyToMany(() => District)
  @JoinTable({
    name: 'volunteer_travel_districts',
    joinColumn: { name: 'volunteer_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'district_code', referencedColumnName: 'code' },
  })
  travelDistricts: Relation<District[]>;

  @Column('boolean')
  onlineAvailable: boolean;

  /** The resident asked to appear in the public register of instructors (never with contact details). */
  @Column('boolean', { default: false })
  listedPublicly: boolean;

  /** ISO 639-1 codes of the languages the resident can work in. */
  @Column('text', { array: true })
  languages: string[];

  /** The most activities a month the resident wants. */
  @Column('smallint')
  monthlyCap: number;

  @Column('text', { default: 'pending_review' })
  status: VolunteerStatus;

  /**
   * What a coordinator reviewing the sign-up asked the resident to add or correct, and when; cleared when
   * the resident next changes their profile.
   */
  @Column('text', { nullable: true })
  informationRequested: string | null;

  @Column('timestamptz', { nullable: true })
  informationRequestedAt: Date | null;

  /** Version of the privacy notice the resident agreed to, and when. */
  @Column('text', { nullable: true })
  consentVersion: string | null;

  @Column('timestamptz', { nullable: true })
  consentedAt: Date | null;

  /** Bumped on every change that can alter matching; part of the matching job id. */
  @Column('integer', { default: 1 })
  revision: number;

  /** The revision the matching worker last finished; behind `revision` means a match run is owed. */
  @Column('integer', { default: 0 })
  matchedRevision: number;

  @OneToMany(() => VolunteerSkill, (skill) => skill.volunteer, { cascade: true })
  skills: Relation<VolunteerSkill[]>;

  @OneToMany(() => LearningOutcome, (outcome) => outcome.volunteer, { cascade: true })
  learningOutcomes: Relation<LearningOutcome[]>;

  @OneToMany(() => AvailabilityWindow, (window) => window.volunteer, { cascade: true })
  availability: Relation<AvailabilityWindow[]>;

  @OneToMany(() => UnavailableDate, (day) => day.volunteer, { cascade: true })
  unavailableDates: Relation<UnavailableDate[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
