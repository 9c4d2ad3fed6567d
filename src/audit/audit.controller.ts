import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { ApiPageOf, PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';

class AuditQueryDto extends PageQueryDto {
  /** e.g. `proposal`, `volunteer`, `request` */
  @IsOptional()
  @IsString()
  subjectType?: string;

  @IsOptional()
  @IsString()
  subjectId?: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first, optionally for one record; a district's coordinator sees their districts'. */
  @ApiPageOf(AuditEntry)
  @Get()
  @Roles('coordinator', 'admin')
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor): Promise<Page<AuditEntry>> {
    return this.audit.list({ type: query.subjectType, id: query.subjectId }, query, actor);
  }
}
