import { IsOptional, IsString, MaxLength } from 'class-validator';

export class StatusChangeDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
