import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SkillCategory } from './skill-category.entity.js';

@Entity('skills')
export class Skill {
  /** `category.skill`, e.g. `disaster.evacuation-drills`. */
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  categoryCode: string;

  @ManyToOne(() => SkillCategory, (category) => category.skills, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code' })
  category: Relation<SkillCategory>;

  @Column('text')
  nameJa: string;

  @Column('text')
  nameEn: string;

  @Column('smallint')
  sortOrder: number;
}
