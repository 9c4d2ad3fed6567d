import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsInstant } from '../../common/validation/validators.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type RequestKind,
  type RequestStatus,
} from '../activity-request.entity.js';

export class RequestQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: RequestKind;

  @IsOptional()
  @IsString()
  districtCode?: string;

  /** Only requests with a session starting at or after this instant. */
  @IsOptional()
  @IsInstant()
  from?: string;

  /** Only requests with a session starting before this instant. */
  @IsOptional()
  @IsInstant()
  to?: string;
}
