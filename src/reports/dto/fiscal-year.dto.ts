import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class FiscalYearQueryDto {
  /** The fiscal year by the calendar year it starts in: 2026 is April 2026 to March 2027. */
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
