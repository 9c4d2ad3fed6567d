import { Column, Entity, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { Skill } from './skill.entity.js';

/** A field of learning from the city plan (分野), e.g. disaster prevention. */
@Entity('skill_categories')
export class SkillCategory {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  nameJa: string;

  @Column('text')
  nameEn: string;

  @Column('smallint')
  sortOrder: number;

  @OneToMany(() => Skill, (skill) => skill.category)
  skills: Relation<Skill[]>;
}
