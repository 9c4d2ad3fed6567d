import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor/actor.js';
import type { SkillCategory } from './skill-category.entity.js';
import { TaxonomyService } from './taxonomy.service.js';

@ApiTags('taxonomy')
@Controller('skill-categories')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  /** The fields of learning and the skills under each, in Japanese and English. */
  @Public()
  @Get()
  list(): Promise<SkillCategory[]> {
    return this.taxonomy.listCategories();
  }
}
