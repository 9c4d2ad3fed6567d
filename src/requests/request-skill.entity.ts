import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Skill } from '../taxonomy/skill.entity.js';
import { ActivityRequest } from './activity-request.entity.js';

/** A skill a request asks for: required ones (with a minimum level) filter, preferred ones only score. */
@Entity('request_skills')
@Check(
  'request_skills_level_check',
  `(required AND min_level BETWEEN 1 AND 5) OR (NOT required AND min_level IS NULL)`,
)
export class RequestSkill {
  @PrimaryColumn('uuid')
  requestId: string;

  @PrimaryColumn('text')
  skillCode: string;

  @ManyToOne(() => ActivityRequest, (request) => request.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<ActivityRequest>;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_code' })
  skill: Relation<Skill>;

  @Column('boolean')
  required: boolean;

  @Column('smallint', { nullable: true })
  minLevel: number | null;
}
