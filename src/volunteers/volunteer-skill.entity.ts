import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Skill } from '../taxonomy/skill.entity.js';
import { Volunteer } from './volunteer.entity.js';

@Entity('volunteer_skills')
@Check('volunteer_skills_level_check', `level BETWEEN 1 AND 5`)
export class VolunteerSkill {
  @PrimaryColumn('uuid')
  volunteerId: string;

  @PrimaryColumn('text')
  skillCode: string;

  @ManyToOne(() => Volunteer, (volunteer) => volunteer.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer: Relation<Volunteer>;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_code' })
  skill: Relation<Skill>;

  /** 1 (some experience) to 5 (can teach it to others). */
  @Column('smallint')
  level: number;

  @Column('text', { nullable: true })
  note: string | null;
}
