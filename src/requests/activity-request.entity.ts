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
  UpdateDateColumn,
} from 'typeorm';
import { District } from '../districts/district.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { RequestSkill } from './request-skill.entity.js';
import { RequestSlot } from './request-slot.entity.js';

export const REQUEST_KINDS = ['school_visit', 'family_support', 'course_instructor'] as const;
/**
 * - `school_visit`: a school asks for a guest teacher or school-support volunteers (ゲストティーチャー・学校支援)
 * - `family_support`: family-education support (家庭教育支援)
 * - `course_instructor`: a community group plans a course and needs an instructor (講座講師)
 */
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['draft', 'open', 'matched', 'completed', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface SchoolVisitDetails {
  role: 'guest_teacher' | 'school_support';
  schoolLevel: 'elementary' | 'junior_high' | 'high' | 'special_needs';
  grade: number;
  subject: string;
  topic: string;
  pupils: number;
}

export interface FamilySupportDetails {
  supportType: 'parenting_talk' | 'childcare' | 'home_learning' | 'foreign_parent_support';
  organiserType: 'pta' | 'child_rearing_circle' | 'family_support_desk';
  childrenAges: number[];
  /** ISO 639-1 codes of languages the families need help in. */
  languageNeeds: string[];
  childcareNeeded: boolean;
}

export interface CourseInstructorDetails {
  capacity: number;
  /** What each participant pays; 0 for free courses. */
  participantFeeYen: number;
  /** The instructor's honorarium (謝礼); 0 when the role is unpaid. */
  honorariumYen: number;
  /** Childcare beside the course, for parents who could not come otherwise. */
  childcareAvailable?: boolean;
  /** What the venue offers people with disabilities. */
  accessibility?: AccessibilityFeature[];
}

export const ACCESSIBILITY_FEATURES = [
  'step_free',
  'accessible_toilet',
  'hearing_loop',
  'sign_language',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export type RequestDetails = SchoolVisitDetails | FamilySupportDetails | CourseInstructorDetails;

/** A request for people (依頼) from a school, a family-support desk or a community group. */
@Entity('requests')
@Index('requests_status_idx', ['status'])
@Index('requests_organisation_idx', ['organisationId'])
@Check('requests_kind_check', `kind IN ('school_visit', 'family_support', 'course_instructor')`)
@Check('requests_status_check', `status IN ('draft', 'open', 'matched', 'completed', 'cancelled', 'expired')`)
@Check('requests_need_check', `need BETWEEN 1 AND 100`)
@Check('requests_place_check', `online OR district_code IS NOT NULL`)
export class ActivityRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: RequestKind;

  @Column('text', { default: 'draft' })
  status: RequestStatus;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  /** The school, group or desk asking. */
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Relation<Organisation>;

  @Column('text', { nullable: true })
  districtCode: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_code' })
  district: Relation<District> | null;

  @Column('text', { nullable: true })
  venue: string | null;

  @Column('boolean', { default: false })
  online: boolean;

  /** How many people the request needs. */
  @Column('smallint')
  need: number;

  /** After this, an open request that is still short of people expires. */
  @Column('timestamptz')
  deadline: Date;

  /** The fields of this request's kind. */
  @Column('jsonb')
  details: RequestDetails;

  /** Bumped on every change that can alter matching; part of the matching job id. */
  @Column('integer', { default: 1 })
  revision: number;

  /** The revision the matching worker last finished; behind `revision` means a match run is owed. */
  @Column('integer', { default: 0 })
  matchedRevision: number;

  @Column('text')
  createdBy: string;

  @OneToMany(() => RequestSlot, (slot) => slot.request, { cascade: true })
  slots: Relation<RequestSlot[]>;

  @OneToMany(() => RequestSkill, (skill) => skill.request, { cascade: true })
  skills: Relation<RequestSkill[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
