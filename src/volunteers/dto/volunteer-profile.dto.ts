import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO6391,
  IsMilitaryTime,
  IsNotEmpty,
  IsOptional,
  IsPhoneNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsAfter, IsDateOnly, IsKana } from '../../common/validation/validators.js';
import { LEARNING_OUTCOME_KINDS, type LearningOutcomeKind } from '../learning-outcome.entity.js';

export class VolunteerSkillDto {
  /** A skill code from `GET /skill-categories`, e.g. `disaster.first-aid`. */
  @IsString()
  skillCode: string;

  /** 1 (some experience) to 5 (can teach it to others). */
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class LearningOutcomeDto {
  @IsIn(LEARNING_OUTCOME_KINDS)
  kind: LearningOutcomeKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  issuer?: string;

  @IsOptional()
  @IsDateOnly()
  achievedOn?: string;

  /** The skills this outcome is evidence for. */
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  skillCodes: string[];
}

/** A weekly time the resident is free, in Japan time. */
export class AvailabilityWindowDto {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  /** `HH:MM` */
  @IsMilitaryTime()
  startTime: string;

  @IsMilitaryTime()
  @IsAfter('startTime')
  endTime: string;
}

export class UnavailableDateDto {
  @IsDateOnly()
  date: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class ConsentDto {
  /** Version of the privacy notice the resident was shown. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  version: string;

  @Equals(true)
  agreed: boolean;
}

export class CreateVolunteerDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** ふりがな, in hiragana or katakana. */
  @IsKana()
  @MaxLength(100)
  nameKana: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  /** A Japanese phone number, e.g. `0246-22-1111` or `090-1234-5678`. */
  @IsPhoneNumber('JP')
  phone: string;

  @IsString()
  homeDistrictCode: string;

  /** Other districts the resident will travel to. */
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  travelDistrictCodes: string[];

  @IsBoolean()
  onlineAvailable: boolean;

  /**
   * Appear in the public register of instructors (人材バンク登録者一覧): display name, fields and skills,
   * districts, online or not; never contact details. Off unless asked for.
   */
  @IsOptional()
  @IsBoolean()
  listedPublicly?: boolean;

  /** ISO 639-1 codes, e.g. `["ja", "en"]`. */
  @IsArray()
  @ArrayUnique()
  @IsISO6391({ each: true })
  languages: string[];

  /** The most activities a month the resident wants. */
  @IsInt()
  @Min(1)
  @Max(31)
  monthlyCap: number;

  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique((skill: VolunteerSkillDto) => skill.skillCode)
  @ValidateNested({ each: true })
  @Type(() => VolunteerSkillDto)
  skills: VolunteerSkillDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LearningOutcomeDto)
  learningOutcomes: LearningOutcomeDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowDto)
  availability: AvailabilityWindowDto[];

  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique((day: UnavailableDateDto) => day.date)
  @ValidateNested({ each: true })
  @Type(() => UnavailableDateDto)
  unavailableDates: UnavailableDateDto[];

  /** Consent to the privacy notice; a resident without it is never matched. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

/** A resident's own sign-up: the profile, the password for their account, and (required) consent. */
export class SignUpDto extends CreateVolunteerDto {
  /** At least 10 characters. */
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

/** Any subset of the profile; a list given replaces the list held. Consent has its own endpoint. */
export class UpdateVolunteerDto extends PartialType(OmitType(CreateVolunteerDto, ['consent'] as const), {
  // A field left out stays as it is; a field sent as null is invalid, not a way to blank it.
  skipNullProperties: false,
}) {}
