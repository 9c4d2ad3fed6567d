import { PickType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ResetPasswordDto } from '../../accounts/dto/auth.dto.js';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/i18n.js';

export class CreateInvitationDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  /** How the staff member is addressed, e.g. 平第一小学校 教頭 山田. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** The language of the mail and of their account; Japanese unless given. */
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}

export class AcceptInvitationDto extends PickType(ResetPasswordDto, ['token'] as const) {
  /** The password the staff member chooses. At least 10 characters. */
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class InvitationView {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  expiresAt: Date;
}
