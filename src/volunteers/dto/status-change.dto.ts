import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class StatusChangeDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** What a coordinator asks a resident to add to or correct in their sign-up. */
export class InformationRequestDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  message: string;
}
