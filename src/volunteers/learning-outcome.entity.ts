import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Skill } from '../taxonomy/skill.entity.js';
import { Volunteer } from './volunteer.entity.js';

export const LEARNING_OUTCOME_KINDS = ['course', 'certificate', 'work_experience', 'other'] as const;
export type LearningOutcomeKind = (typeof LEARNING_OUTCOME_KINDS)[number];

/** What a resident has learned (学習成果): a course finished, a certificate, experience at work. */
@Entity('learning_outcomes')
@Index('learning_outcomes_volunteer_idx', ['volunteerId'])
@Check('learning_outcomes_kind_check', `kind IN ('course', 'certificate', 'work_experience', 'other')`)
export class LearningOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  volunteerId: string;

  @ManyToOne(() => Volunteer, (volunteer) => volunteer.learningOutcomes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer>;

  @Column('text')
  kind: LearningOutcomeKind;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  issuer: string | null;

  @Column('date', { nullable: true })
  achievedOn: string | null;

  @ManyToMany(() => Skill)
  @JoinTable({
    name: 'learning_outcome_skills',
    joinColumn: { name: 'learning_outcome_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'skill_code', referencedColumnName: 'code' },
  })
  skills: Relation<Skill[]>;
}
