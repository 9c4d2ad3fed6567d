import { IsOptional } from 'class-validator';
import { IsDateOnly } from '../../common/validation/validators.js';

/** The period a participation certificate covers; by default the current fiscal year (April–March). */
export class CertificateQueryDto {
  /** First day, `YYYY-MM-DD` (Japan dates). */
  @IsOptional()
  @IsDateOnly()
  from?: string;

  /** Last day, included. */
  @IsOptional()
  @IsDateOnly()
  to?: string;
}
