import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { IsDateOnly } from '../../common/validation/validators.js';
import { asBoolean } from './query-boolean.js';

/** When a course suits people who work: evenings (from 17:00) or weekends. */
export const COURSE_TIMES = ['evening', 'weekend'] as const;

export class CourseQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  fieldCode?: string;

  @IsOptional()
  @IsString()
  districtCode?: string;

  /** Courses with a session on or after this day (Japan time). */
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @IsOptional()
  @IsDateOnly()
  to?: string;

  @IsOptional()
  @IsIn(COURSE_TIMES)
  when?: (typeof COURSE_TIMES)[number];

  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  online?: boolean;

  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  childcare?: boolean;

  /** Venues with step-free access. */
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  stepFree?: boolean;
}
