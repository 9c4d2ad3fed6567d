import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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

export class OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  districtCode: string | null;
}
