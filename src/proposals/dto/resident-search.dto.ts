import { OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { asBoolean } from '../../directory/dto/query-boolean.js';
import { InstructorQueryDto } from '../../directory/dto/instructor-query.dto.js';
import { PublicInstructorView } from '../../directory/dto/instructor.view.js';
import type { ProposalStatus } from '../proposal.entity.js';

/** The public register's filters, a name, and whether the resident is free for every session of the request. */
export class ResidentSearchQueryDto extends InstructorQueryDto {
  /** Part of the name or its kana reading. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** Only residents free for every session: inside a weekly window, not a day off, nothing else booked. */
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  freeForSessions?: boolean;
}

/** A coordinator adds a resident to a request by hand: proposed and approved at once. */
export class AddResidentDto {
  @IsUUID()
  volunteerId: string;
}

/** A resident as a coordinator's search for a request shows them: what the register shows, and who. */
export class ResidentMatchView extends OmitType(PublicInstructorView, ['displayName'] as const) {
  id: string;
  name: string;
  nameKana: string;
  /** Free for every session of the request. */
  freeForSessions: boolean;
  /** Where the resident already stands with this request, if anywhere. */
  proposalStatus: ProposalStatus | null;
}
