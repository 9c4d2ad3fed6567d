import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.entity.js';

export class CreateOrganisationDto {
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  districtCode?: string;
}

/** A staff member of the organisation gets a requester account acting for it. */
export class AddMemberDto {
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

export class OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  districtCode: string | null;
}
