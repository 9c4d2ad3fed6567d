import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor/actor.js';
import { ApiPageOf, type Page } from '../common/pagination/pagination.js';
import { DirectoryService } from './directory.service.js';
import { InstructorQueryDto } from './dto/instructor-query.dto.js';
import { PublicInstructorView } from './dto/instructor.view.js';

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  /**
   * The public register of instructors (人材バンク登録者一覧): active residents who asked to be listed,
   * by kana reading, with a display name, skills, districts, languages and when they are usually free.
   * Never a full name or contact details. Open to anyone.
   */
  @Public()
  @ApiPageOf(PublicInstructorView)
  @Get('instructors')
  instructors(@Query() query: InstructorQueryDto): Promise<Page<PublicInstructorView>> {
    return this.directory.instructors(query);
  }
}
