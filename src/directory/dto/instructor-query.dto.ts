import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO6391, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { asBoolean } from './query-boolean.js';

/** When a resident is free, as people ask it: weekday daytimes, evenings, weekends. */
export const FREE_TIMES = ['weekdayDaytime', 'evening', 'weekend'] as const;
export type FreeTime = (typeof FREE_TIMES)[number];

export class InstructorQueryDto extends PageQueryDto {
  /** A field (skill category), e.g. `disaster`. */
  @IsOptional()
  @IsString()
  fieldCode?: string;

  @IsOptional()
  @IsString()
  skillCode?: string;

  /** Lives in, or will travel to, this district. */
  @IsOptional()
  @IsString()
  districtCode?: string;

  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  online?: boolean;

  /** ISO 639-1, e.g. `en`. */
  @IsOptional()
  @IsISO6391()
  language?: string;

  @IsOptional()
  @IsIn(FREE_TIMES)
  freeAt?: FreeTime;
}
