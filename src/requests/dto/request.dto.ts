import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO6391,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsAfter, IsInstant, IsOmittable } from '../../common/validation/validators.js';
import {
  ACCESSIBILITY_FEATURES,
  REQUEST_KINDS,
  type AccessibilityFeature,
  type CourseInstructorDetails,
  type FamilySupportDetails,
  type RequestKind,
  type SchoolVisitDetails,
} from '../activity-request.entity.js';

export class SlotDto {
  /** ISO 8601 with offset, e.g. `2027-05-10T09:00:00+09:00`. */
  @IsInstant()
  startsAt: string;

  @IsInstant()
  @IsAfter('startsAt')
  endsAt: string;
}

export class RequiredSkillDto {
  @IsString()
  skillCode: string;

  /** The lowest level (1–5) a resident must have. */
  @IsInt()
  @Min(1)
  @Max(5)
  minLevel: number;
}

export class SchoolVisitDetailsDto implements SchoolVisitDetails {
  @IsIn(['guest_teacher', 'school_support'])
  role: SchoolVisitDetails['role'];

  @IsIn(['elementary', 'junior_high', 'high', 'special_needs'])
  schoolLevel: SchoolVisitDetails['schoolLevel'];

  @IsInt()
  @Min(1)
  @Max(6)
  grade: number;

  /** e.g. 総合的な学習の時間, 社会 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subject: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  pupils: number;
}

export class FamilySupportDetailsDto implements FamilySupportDetails {
  @IsIn(['parenting_talk', 'childcare', 'home_learning', 'foreign_parent_support'])
  supportType: FamilySupportDetails['supportType'];

  @IsIn(['pta', 'child_rearing_circle', 'family_support_desk'])
  organiserType: FamilySupportDetails['organiserType'];

  @IsArray()
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(18, { each: true })
  childrenAges: number[];

  /** Languages the families need help in (ISO 639-1). */
  @IsArray()
  @ArrayUnique()
  @IsISO6391({ each: true })
  languageNeeds: string[];

  @IsBoolean()
  childcareNeeded: boolean;
}

export class CourseInstructorDetailsDto implements CourseInstructorDetails {
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  participantFeeYen: number;

  /** 0 when the instructor is unpaid. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  honorariumYen: number;

  /** Childcare is offered beside the course. */
  @IsOptional()
  @IsBoolean()
  childcareAvailable?: boolean;

  /** What the venue offers: step-free access, an accessible toilet, a hearing loop, sign language. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ACCESSIBILITY_FEATURES, { each: true })
  accessibility?: AccessibilityFeature[];
}

export class CreateRequestDto {
  @IsIn(REQUEST_KINDS)
  kind: RequestKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsOmittable()
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** The organisation asking; a requester who acts for only one may leave it out. */
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  /** Where it takes place; may be null (cleared) when the request is online. */
  @IsOptional()
  @IsString()
  districtCode?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string | null;

  @IsOmittable()
  @IsBoolean()
  online?: boolean;

  /** How many people are needed. */
  @IsInt()
  @Min(1)
  @Max(100)
  need: number;

  @IsInstant()
  deadline: string;

  /** Every session; a course has several, and whoever takes it must be free for all of them. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots: SlotDto[];

  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique((skill: RequiredSkillDto) => skill.skillCode)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillDto)
  requiredSkills: RequiredSkillDto[];

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  preferredSkillCodes?: string[];

  /** Required when `kind` is `school_visit`. */
  @ValidateIf((dto: CreateRequestDto) => dto.kind === 'school_visit' || dto.school !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => SchoolVisitDetailsDto)
  school?: SchoolVisitDetailsDto;

  /** Required when `kind` is `family_support`. */
  @ValidateIf((dto: CreateRequestDto) => dto.kind === 'family_support' || dto.family !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => FamilySupportDetailsDto)
  family?: FamilySupportDetailsDto;

  /** Required when `kind` is `course_instructor`. */
  @ValidateIf((dto: CreateRequestDto) => dto.kind === 'course_instructor' || dto.course !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => CourseInstructorDetailsDto)
  course?: CourseInstructorDetailsDto;
}

/** Any subset of a request; lists given replace the lists held. The kind and the organisation never change. */
export class UpdateRequestDto extends PartialType(
  OmitType(CreateRequestDto, ['kind', 'organisationId'] as const),
  {
    // A field left out stays as it is; a field sent as null is invalid, not a way to blank it.
    skipNullProperties: false,
  },
) {}
