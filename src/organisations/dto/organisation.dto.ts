import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NewAccountDto } from '../../accounts/dto/auth.dto.js';
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
export class AddMemberDto extends NewAccountDto {}

export class OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  districtCode: string | null;
}
