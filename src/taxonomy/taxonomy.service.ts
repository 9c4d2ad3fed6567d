import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { SkillCategory } from './skill-category.entity.js';
import { Skill } from './skill.entity.js';

@Injectable()
export class TaxonomyService {
  constructor(
    @InjectRepository(SkillCategory) private readonly categories: Repository<SkillCategory>,
    @InjectRepository(Skill) private readonly skills: Repository<Skill>,
  ) {}

  listCategories(): Promise<SkillCategory[]> {
    return this.categories.find({
      relations: { skills: true },
      order: { sortOrder: 'ASC', skills: { sortOrder: 'ASC' } },
    });
  }

  /** The codes in `codes` that name no skill. */
  async unknownSkillCodes(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const found = await this.skills.find({ select: { code: true }, where: { code: In(codes) } });
    const known = new Set(found.map((skill) => skill.code));
    return codes.filter((code) => !known.has(code));
  }
}
