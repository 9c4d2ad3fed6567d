import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/i18n.js';
import { ProposalView } from '../../proposals/dto/proposal.view.js';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from '../notification.entity.js';

export class AnswerDto {
  @IsIn(['accept', 'decline'])
  answer: 'accept' | 'decline';

  /** Why not, if they want to say (declining only). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** What the answer page shows before the resident answers. */
export class AnswerLinkView {
  proposal: ProposalView;
  expiresAt: Date;
}

export class NotificationSettingsDto {
  @IsIn(SUPPORTED_LOCALES)
  locale: Locale;

  /** The kinds of message they do not want. */
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTIFICATION_KINDS, { each: true })
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true })
  stopped: NotificationKind[];
}

export class NotificationSettingsView {
  locale: Locale;
  /** The kinds someone in their role can get, in the order to show them. */
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true })
  kinds: NotificationKind[];
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true })
  stopped: NotificationKind[];
}

export class UnsubscribedView {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
}

export class NotificationQueryDto {
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @IsOptional()
  @IsUUID()
  volunteerId?: string;
}

/** Whether someone was told: one message to one person, and what became of it. */
export class NotificationRecordView {
  id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
  recipientName: string;
  recipientRole: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;
  sendAt: Date;
  sentAt: Date | null;
  attempts: number;
  /** Why it failed or was not sent. */
  outcome: string | null;
}
