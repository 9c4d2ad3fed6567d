import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { ApiPageOf, type Page } from '../common/pagination/pagination.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { DirectoryService } from './directory.service.js';
import { CourseQueryDto } from './dto/course-query.dto.js';
import { CourseInstructorsView, PublicCourseView, type PublicCourseDetailView } from './dto/course.view.js';
import { InstructorQueryDto } from './dto/instructor-query.dto.js';
import { PublicInstructorView } from './dto/instructor.view.js';

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

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

  /**
   * Learning information (学習情報): upcoming courses community groups planned with an instructor who
   * accepted, with dates, place, fee, capacity, childcare and access. Open to anyone.
   */
  @Public()
  @ApiPageOf(PublicCourseView)
  @Get('courses')
  courses(@Query() query: CourseQueryDto): Promise<Page<PublicCourseView>> {
    return this.directory.courses(query, this.clock.now());
  }

  /**
   * One course of learning information: its sessions, place or online, fee, capacity, childcare, access,
   * organising group, fields, and its instructors' display names when they asked to be listed. A course
   * the list would not show (not a course, no instructor who accepted, over) is not found. Open to anyone.
   */
  @Public()
  // One schema made of the list item's and the instructors', so the course's fields are described once.
  @ApiExtraModels(PublicCourseView, CourseInstructorsView)
  @ApiOkResponse({
    schema: {
      allOf: [{ $ref: getSchemaPath(PublicCourseView) }, { $ref: getSchemaPath(CourseInstructorsView) }],
    },
  })
  @Get('courses/:id')
  course(@UuidParam() id: string): Promise<PublicCourseDetailView> {
    return this.directory.course(id, this.clock.now());
  }
}
