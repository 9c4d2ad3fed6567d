import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../proposal.entity.js';

export class ProposalQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}

export class RejectProposalDto {
  /** Why the coordinator turned this pairing down; kept in the record. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class DeclineProposalDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class CompleteProposalDto {
  /** Hours the activity took, e.g. 1.5 (at most two decimals). */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(500)
  hours: number;
}

export class FeedbackDto {
  /** Satisfaction, 1 (poor) to 5 (excellent). */
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
