import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class FiscalYearQueryDto {
  /** The fiscal year by the calendar year it starts in: 2026 is April 2026 to March 2027. */
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  /**
   * Only this district (or `online`). A coordinator limited to some districts sees only those: without
   * this, the report covers all of theirs.
   */
  @IsOptional()
  @IsString()
  districtCode?: string;

  /** Only this field (a skill category, or `other` for requests that asked for no particular skill). */
  @IsOptional()
  @IsString()
  fieldCode?: string;
}
