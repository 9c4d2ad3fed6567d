import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ExcludeVolunteerDto {
  @IsUUID()
  volunteerId: string;

  /** Why, for the audit trail and the other coordinators (not shown to the resident or the school). */
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
