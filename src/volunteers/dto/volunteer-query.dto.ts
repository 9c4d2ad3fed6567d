import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../volunteer.entity.js';

export class VolunteerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(VOLUNTEER_STATUSES)
  status?: VolunteerStatus;

  /** Lives in or travels to this district. */
  @IsOptional()
  @IsString()
  districtCode?: string;

  @IsOptional()
  @IsString()
  skillCode?: string;

  /** Part of the name or its kana reading. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
