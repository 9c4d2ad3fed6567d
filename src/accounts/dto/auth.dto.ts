import { PickType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { Role } from '../../common/actor/actor.js';

export class LoginDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  /** At least 10 characters. */
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class RequestPasswordResetDto {
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto extends PickType(ChangePasswordDto, ['newPassword'] as const) {
  /** The token from the link in the reset mail. */
  @IsString()
  @MaxLength(100)
  token: string;
}

export class AccountView {
  id: string;
  email: string;
  name: string;
  role: Role;
  volunteerId: string | null;
  /** The districts a coordinator is limited to; null covers the whole city. */
  districtCodes: string[] | null;
}

export class SessionView {
  /** Send as `Authorization: Bearer <token>`. */
  token: string;
  expiresAt: Date;
  account: AccountView;
}

/** An account someone else opens for a person: they sign in with this first password and change it. */
export class NewAccountDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** The first password, to be changed at the first sign-in. At least 10 characters. */
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class CreateStaffAccountDto extends NewAccountDto {
  /** Admins create coordinators (and other admins); requesters and residents come in other ways. */
  @IsIn(['coordinator', 'admin'])
  role: 'coordinator' | 'admin';

  /** Limits a coordinator to these districts (e.g. the 生涯学習指導者 of one community centre). */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  districtCodes?: string[];
}

export class CoordinatorDistrictsDto {
  /** The districts the coordinator covers from now on; null for the whole city. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  @ValidateIf((_dto, value) => value !== null)
  districtCodes: string[] | null;
}
